namespace HoneyHive.Kiota.Errors;

/// <summary>
/// A response body was not the JSON the endpoint promises: truncated or invalid JSON, an HTML error
/// page from a proxy, an empty body, or a non-JSON content type.
/// </summary>
public sealed class HoneyHiveResponseFormatException : HoneyHiveApiException
{
    /// <summary>Creates the exception when the response itself is known.</summary>
    /// <param name="message">What was wrong with the body.</param>
    /// <param name="details">The response the exception describes.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public HoneyHiveResponseFormatException(string message, HoneyHiveResponseDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }

    /// <summary>Creates the exception when only the parse failure is known (the parser never sees the response).</summary>
    /// <param name="message">What was wrong with the body.</param>
    public HoneyHiveResponseFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception when only the parse failure is known (the parser never sees the response).</summary>
    /// <param name="message">What was wrong with the body.</param>
    /// <param name="innerException">The parser's exception.</param>
    public HoneyHiveResponseFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
