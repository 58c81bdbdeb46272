namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// A response body stopped part-way: the connection closed (the stream ended before its Content-Length) or was
/// reset. Carries how many bytes had arrived, so the error can say what was received.
/// </summary>
internal sealed class ResponseBodyCutException(int received, long? expected, IOException cause)
    : IOException(cause.Message, cause)
{
    /// <summary>Body bytes read before the failure.</summary>
    public int Received { get; } = received;

    /// <summary>The declared length (Content-Length), when there was one.</summary>
    public long? Expected { get; } = expected;
}
