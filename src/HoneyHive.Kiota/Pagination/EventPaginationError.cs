namespace HoneyHive.Kiota.Pagination;

/// <summary>How the server kept a paged read from ending.</summary>
public enum EventPaginationError
{
    /// <summary>
    /// The server kept returning full pages beyond what its first <c>totalEvents</c> allowed
    /// (or, without a <c>totalEvents</c>, beyond 10,000 pages).
    /// </summary>
    TooManyPages,

    /// <summary>The server returned the same events for two consecutive page numbers: it ignores <c>page</c>.</summary>
    RepeatedPage,
}
