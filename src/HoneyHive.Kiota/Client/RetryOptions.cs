namespace HoneyHive.Kiota;

/// <summary>
/// How <see cref="HoneyHiveClient"/> retries transient failures (HTTP 408, 429, 500, 502, 503, 504,
/// connection errors, per-attempt timeouts). Only requests that are safe to repeat are retried; see
/// <see cref="Http.IdempotentBatchRequestOption"/> for batches.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>Retries after the first attempt; 0 disables retrying. Default 3, at most 10.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The backoff cap for the first retry; it doubles for each further one. Default 500 ms.</summary>
    /// <remarks>The actual wait is random between half the cap and the cap ("equal jitter").</remarks>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The largest backoff cap, however many retries came before. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether a <c>Retry-After</c> header (seconds or HTTP date) sets the wait instead of the backoff. Default true.</summary>
    public bool RespectRetryAfter { get; set; } = true;

    /// <summary>
    /// The longest <c>Retry-After</c> the client will wait. When the server asks for more, the client
    /// stops retrying and throws (for 429, <see cref="Errors.HoneyHiveRateLimitException.RetryAfter"/>
    /// says how long the server asked for), since waiting less would only fail again. Default 60 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(RetryOptions)} {{ {nameof(MaxRetries)} = {MaxRetries}, {nameof(BaseDelay)} = {BaseDelay}, {nameof(MaxDelay)} = {MaxDelay}, {nameof(RespectRetryAfter)} = {RespectRetryAfter}, {nameof(MaxRetryAfter)} = {MaxRetryAfter} }}";

    internal Http.Backoff Backoff => new(BaseDelay, MaxDelay);

    internal void Validate()
    {
        const string prefix = nameof(HoneyHiveClientOptions) + "." + nameof(HoneyHiveClientOptions.Retry) + ".";
        if (MaxRetries is < 0 or > 10)
        {
            throw new ArgumentException($"{prefix}{nameof(MaxRetries)} must be between 0 and 10 (was {MaxRetries}).", nameof(HoneyHiveClientOptions.Retry));
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentException($"{prefix}{nameof(BaseDelay)}, {nameof(MaxDelay)} and {nameof(MaxRetryAfter)} must not be negative.", nameof(HoneyHiveClientOptions.Retry));
        }

        if (MaxDelay < BaseDelay)
        {
            throw new ArgumentException($"{prefix}{nameof(MaxDelay)} ({MaxDelay}) must be at least {nameof(BaseDelay)} ({BaseDelay}).", nameof(HoneyHiveClientOptions.Retry));
        }
    }
}
