namespace HoneyHive.Kiota.Errors;

/// <summary>HoneyHive answered 5xx: the server failed; retries were exhausted or the request was not safe to retry.</summary>
public sealed class HoneyHiveServerException : HoneyHiveApiException
{
    internal HoneyHiveServerException(string message, HoneyHiveResponseDetails details) : base(message, details)
    {
    }
}
