using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using Microsoft.Kiota.Abstractions;

namespace HoneyHive.Kiota.Pagination;

/// <summary>
/// Reads every page of an event query, one page in memory at a time, from GET /events or
/// POST /events/export.
/// </summary>
/// <remarks>
/// Arguments are checked when the method is called; requests start when enumeration starts.
/// Cancellation (the method's token or <c>WithCancellation</c>) is checked before each request and
/// passed to it, and surfaces as <see cref="OperationCanceledException"/>.
/// </remarks>
/// <param name="api">The generated client.</param>
/// <param name="settings">The client's clock and retry settings; defaults when null.</param>
internal sealed class EventPager(HoneyHiveApiClient api, PagerSettings? settings = null)
{
    /// <summary>
    /// Pages read at most when the server sends no <c>totalEvents</c> and keeps returning full pages;
    /// the read then fails with <see cref="EventPaginationException"/> rather than looping forever.
    /// </summary>
    public const int UnknownTotalPageLimit = 10_000;

    private readonly HoneyHiveApiClient _api = api ?? throw new ArgumentNullException(nameof(api));
    private readonly PagerSettings _settings = settings ?? PagerSettings.Default;

    /// <summary>Every matching event, read page by page with GET /events.</summary>
    /// <param name="query">The query; <see cref="EventQuery.Projections"/> must be empty.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events, in the server's order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">The project is missing, a filter is null, or projections are set.</exception>
    public IAsyncEnumerable<Event> GetEventsAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        ReadEvents(PageRequest.From(query, export: false, nameof(query)), GetFetcher, cancellationToken);

    /// <summary>Every page of matching events, read with GET /events; for progress reporting.</summary>
    /// <param name="query">The query; <see cref="EventQuery.Projections"/> must be empty.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The non-empty pages, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">The project is missing, a filter is null, or projections are set.</exception>
    public IAsyncEnumerable<EventPage> GetPagesAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        ReadPages(PageRequest.From(query, export: false, nameof(query)), GetFetcher, cancellationToken);

    /// <summary>Every matching event, read page by page with POST /events/export.</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events, in the server's order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">The project is missing or a filter is null.</exception>
    public IAsyncEnumerable<Event> ExportEventsAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        ReadEvents(PageRequest.From(query, export: true, nameof(query)), ExportFetcher, cancellationToken);

    /// <summary>Every page of matching events, read with POST /events/export; for progress reporting.</summary>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The non-empty pages, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">The project is missing or a filter is null.</exception>
    public IAsyncEnumerable<EventPage> ExportPagesAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        ReadPages(PageRequest.From(query, export: true, nameof(query)), ExportFetcher, cancellationToken);

    private IAsyncEnumerable<Event> ReadEvents(PageRequest request, Func<PageRequest, PageFetcher> fetcher, CancellationToken cancellationToken) =>
        PageCursor.ReadEventsAsync(request, fetcher, _settings, cancellationToken);

    private IAsyncEnumerable<EventPage> ReadPages(PageRequest request, Func<PageRequest, PageFetcher> fetcher, CancellationToken cancellationToken) =>
        PageCursor.ReadPagesAsync(request, fetcher, _settings, cancellationToken);

    // Both fetchers hand the response to a PageResponseHandler instead of letting the adapter build an
    // EventList: the pager makes the events into models one at a time (see PageBody). They take the
    // generated builders' RequestInformation (URL template, Accept, body) and set the rest on it directly:
    // Kiota's RequestConfiguration path reads the generated query-parameter class by reflection on every
    // request, which showed in the NativeAOT CLI's start-up (see docs/PERFORMANCE.md).
    private PageFetcher GetFetcher(PageRequest request)
    {
        // The same for every page of the read: written to JSON once.
        var filters = QueryJson.Serialize(request.Filters);
        var dateRange = request.DateRange is { } range ? QueryJson.Serialize(range) : null;
        return async (page, limit, cancellationToken) =>
        {
            var info = _api.Events.ToGetRequestInformation();
            // The names are the API's (the description's query parameters); the wire tests pin them.
            info.QueryParameters["project"] = request.Project;
            info.QueryParameters["filters"] = filters;
            if (dateRange is not null)
            {
                info.QueryParameters["dateRange"] = dateRange;
            }

            info.QueryParameters["limit"] = limit;
            info.QueryParameters["page"] = page;
            return await SendAsync(info, cancellationToken).ConfigureAwait(false);
        };
    }

    private PageFetcher ExportFetcher(PageRequest request) => (page, limit, cancellationToken) =>
        SendAsync(
            _api.Events.Export.ToPostRequestInformation(new ExportEventsRequest
            {
                Project = request.Project,
                Filters = request.Filters,
                DateRange = request.DateRange,
                Projections = request.Projections,
                Limit = limit,
                Page = page,
            }),
            cancellationToken);

    private async Task<PageBody?> SendAsync(RequestInformation info, CancellationToken cancellationToken)
    {
        var handler = new PageResponseHandler();
        info.AddRequestOptions([new ResponseHandlerOption { ResponseHandler = handler }]);
        await _api.Adapter.SendAsync(info, EventList.CreateFromDiscriminatorValue, errorMapping: null, cancellationToken).ConfigureAwait(false);
        return handler.Page;
    }
}
