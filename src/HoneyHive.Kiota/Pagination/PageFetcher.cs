namespace HoneyHive.Kiota.Pagination;

/// <summary>Fetches one page: 1-based page number and limit in, the server's answer out.</summary>
internal delegate Task<PageBody?> PageFetcher(int page, int limit, CancellationToken cancellationToken);
