namespace HoneyHive.Kiota.Pagination;

/// <summary>What a paged read takes from the client rather than from the query.</summary>
/// <param name="TimeProvider">The clock that pins a read's upper time bound and times page retries.</param>
/// <param name="PageRetries">How many times a page whose body is not valid JSON is fetched again.</param>
/// <param name="Backoff">The waits before those retries: the client's, as for any retry.</param>
internal sealed record PagerSettings(TimeProvider TimeProvider, int PageRetries, Http.Backoff Backoff)
{
    /// <summary>The client's defaults.</summary>
    public static PagerSettings Default { get; } = From(new HoneyHiveClientOptions());

    /// <summary>The settings of a client built with <paramref name="options"/>.</summary>
    public static PagerSettings From(HoneyHiveClientOptions options) =>
        new(options.TimeProvider, options.Retry.MaxRetries, options.Retry.Backoff);
}
