namespace HoneyHive.Kiota.Errors;

/// <summary>
/// A response body was not the JSON the endpoint promises: truncated or invalid JSON, an HTML error
/// page from a proxy, an empty body, or a non-JSON content type.
/// </summary>
public sealed class HoneyHiveResponseFormatException : HoneyHiveApiException
{
    internal HoneyHiveResponseFormatException(string message, HoneyHiveResponseDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }

    internal HoneyHiveResponseFormatException(string message) : base(message)
    {
    }

    internal HoneyHiveResponseFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
