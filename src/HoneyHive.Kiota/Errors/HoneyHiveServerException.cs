namespace HoneyHive.Kiota.Errors;

/// <summary>HoneyHive answered 5xx: the server failed; retries were exhausted or the request was not safe to retry.</summary>
public sealed class HoneyHiveServerException : HoneyHiveApiException
{
    /// <summary>Creates the exception for one response.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="details">The response the exception describes.</param>
    public HoneyHiveServerException(string message, HoneyHiveResponseDetails details) : base(message, details)
    {
    }
}
