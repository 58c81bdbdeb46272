namespace HoneyHive.Kiota.Errors;

/// <summary>HoneyHive answered 429 Too Many Requests and retries were exhausted (or the wait it asked for was too long).</summary>
public sealed class HoneyHiveRateLimitException : HoneyHiveApiException
{
    internal HoneyHiveRateLimitException(string message, HoneyHiveResponseDetails details, TimeSpan? retryAfter) : base(message, details)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the server asked to wait before the next request (from <c>Retry-After</c>), or null.</summary>
    public TimeSpan? RetryAfter { get; }
}
