namespace HoneyHive.Kiota.Pagination;

/// <summary>What a paged read takes from the client rather than from the query.</summary>
/// <param name="TimeProvider">The clock that pins a read's upper time bound and times page retries.</param>
/// <param name="PageRetries">How many times a page whose body is not valid JSON is fetched again.</param>
/// <param name="RetryBaseDelay">The wait before the first such retry; doubled for each next one.</param>
/// <param name="RetryMaxDelay">The longest such wait.</param>
internal sealed record PagerSettings(TimeProvider TimeProvider, int PageRetries, TimeSpan RetryBaseDelay, TimeSpan RetryMaxDelay)
{
    /// <summary>The client's defaults.</summary>
    public static PagerSettings Default { get; } = From(new HoneyHiveClientOptions());

    /// <summary>The settings of a client built with <paramref name="options"/>.</summary>
    public static PagerSettings From(HoneyHiveClientOptions options) =>
        new(options.TimeProvider, options.Retry.MaxRetries, options.Retry.BaseDelay, options.Retry.MaxDelay);

    /// <summary>The wait before retry number <paramref name="attempt"/> + 1.</summary>
    public TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(RetryMaxDelay.TotalMilliseconds, RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt)));
}
