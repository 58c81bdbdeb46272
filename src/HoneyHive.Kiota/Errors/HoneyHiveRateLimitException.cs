namespace HoneyHive.Kiota.Errors;

/// <summary>HoneyHive answered 429 Too Many Requests and retries were exhausted (or the wait it asked for was too long).</summary>
public sealed class HoneyHiveRateLimitException : HoneyHiveApiException
{
    /// <summary>Creates the exception for one response.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="details">The response the exception describes.</param>
    /// <param name="retryAfter">The wait the server asked for in <c>Retry-After</c>, if it did.</param>
    public HoneyHiveRateLimitException(string message, HoneyHiveResponseDetails details, TimeSpan? retryAfter) : base(message, details)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the server asked to wait before the next request (from <c>Retry-After</c>), or null.</summary>
    public TimeSpan? RetryAfter { get; }
}
