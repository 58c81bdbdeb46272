using System.Runtime.CompilerServices;
using System.Text.Json;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using HoneyHive.Kiota.Telemetry;
using Microsoft.Kiota.Abstractions;

namespace HoneyHive.Kiota.Pagination;

/// <summary>
/// One paged read of GET /events or POST /events/export, one page in memory at a time: its requests, its loop, and
/// its state between pages.
/// </summary>
/// <remarks>
/// <para>Arguments are checked when <see cref="ReadEventsAsync"/> or <see cref="ReadPagesAsync"/> is called; requests
/// start when enumeration starts. Cancellation (the method's token or <c>WithCancellation</c>) is checked before each
/// request and passed to it, and surfaces as <see cref="OperationCanceledException"/>.</para>
/// <para>Stops on an empty page, a short page, page × limit ≥ totalEvents, MaxEvents or MaxPages. Guards
/// against a server that never ends by throwing <see cref="EventPaginationException"/> when it would request
/// more than ceil(totalEvents / limit) + 1 pages (one page of slack for events added while reading), more than
/// <see cref="UnknownTotalPageLimit"/> pages without a totalEvents, or when two consecutive pages
/// of an unchanged set hold the same events.</para>
/// <para>Offset pages shift when events arrive between two requests: an event that sorts before the next
/// page pushes the last event of the previous page onto it. Such a page comes with a different totalEvents;
/// its events already delivered with the previous page are skipped. The previous page's ids are enough while
/// fewer than a page's worth of events arrive between two pages; beyond that, an event pushed two pages on
/// can be delivered again.</para>
/// <para>With MaxConcurrency above 1 pages are fetched ahead (<see cref="PagePrefetcher"/>). A page fetched
/// ahead is only used when it saw the same set as the page before it (same totalEvents) or was requested
/// after that page's answer; otherwise it and the other pages ahead are fetched again, so a parallel read
/// delivers what a sequential one would.</para>
/// </remarks>
internal sealed class EventPager : IAsyncDisposable
{
    /// <summary>
    /// Pages read at most when the server sends no <c>totalEvents</c> and keeps returning full pages;
    /// the read then fails with <see cref="EventPaginationException"/> rather than looping forever.
    /// </summary>
    public const int UnknownTotalPageLimit = 10_000;

    private readonly HoneyHiveApiClient _api;
    private readonly PageRequest _request;
    private readonly PagerSettings _settings;
    private readonly int _limit;
    private readonly PagePrefetcher? _prefetcher;

    // GET /events carries these in its query string, the same for every page: written to JSON for the first page and
    // reused (an export sends them in its body instead). Pages fetched ahead may both write them: the same text.
    private string? _filtersJson;
    private string? _dateRangeJson;
    private HashSet<string> _previousIds = new(StringComparer.Ordinal);
    private HashSet<string> _currentIds = new(StringComparer.Ordinal);
    private long _clock;
    private int _page;
    private long _delivered;
    private long? _firstTotal;

    // The highest page number the read may request: UnknownTotalPageLimit pages, until the first page
    // reports a totalEvents.
    private int _guardBound;
    private (long? Total, long Completed)? _last;
    private (int Count, string? First, string? Last)? _previous;
    private bool _done;

    // The page being delivered: whether a shift put events of the previous page on it, and whether MaxEvents
    // stopped it before its end.
    private bool _shifted;
    private bool _trimmed;

    private EventPager(HoneyHiveApiClient api, PageRequest request, PagerSettings settings, CancellationToken cancellationToken)
    {
        _api = api;
        _request = request;
        _settings = settings;
        _limit = request.Limit;
        _page = request.StartPage - 1;
        _guardBound = (int)Math.Min(int.MaxValue, (long)request.StartPage - 1 + UnknownTotalPageLimit);
        if (request.MaxConcurrency > 1)
        {
            _prefetcher = new PagePrefetcher(FetchAsync, request.MaxConcurrency, cancellationToken);
        }
    }

    /// <summary>Every matching event, in the server's order: one parsed page being delivered (plus those fetched
    /// ahead), its events made into models one at a time (see <see cref="PageBody"/>); the page goes back to the pool
    /// before the next one is taken.</summary>
    /// <param name="api">The generated client.</param>
    /// <param name="query">The query; <see cref="EventQuery.Projections"/> only with <paramref name="export"/>.</param>
    /// <param name="export">Read with POST /events/export rather than GET /events.</param>
    /// <param name="settings">The client's clock and retry settings; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="api"/> or <paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">The project is missing, a filter is null, or projections are set for GET /events.</exception>
    public static IAsyncEnumerable<Event> ReadEventsAsync(HoneyHiveApiClient api, EventQuery query, bool export, PagerSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return ReadAsync(api, PageRequest.From(query, export, nameof(query)), settings, static (pager, body) => pager.EventByEvent(body), cancellationToken);
    }

    /// <summary>Every non-empty page of matching events, in order, its events made into models; for progress reporting.</summary>
    /// <inheritdoc cref="ReadEventsAsync" path="/param"/>
    /// <inheritdoc cref="ReadEventsAsync" path="/exception"/>
    public static IAsyncEnumerable<EventPage> ReadPagesAsync(HoneyHiveApiClient api, EventQuery query, bool export, PagerSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return ReadAsync(api, PageRequest.From(query, export, nameof(query)), settings, static (pager, body) => pager.WholePage(body), cancellationToken);
    }

    // The read's upper time bound is pinned when enumeration starts, not when the method is called.
    private static async IAsyncEnumerable<T> ReadAsync<T>(
        HoneyHiveApiClient api,
        PageRequest request,
        PagerSettings? settings,
        Func<EventPager, PageBody, IEnumerable<T>> deliver,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        settings ??= PagerSettings.Default;
        var pager = new EventPager(api, request.PinnedAt(settings.TimeProvider.GetUtcNow()), settings, cancellationToken);
        await using (pager.ConfigureAwait(false))
        {
            while (await pager.NextAsync(cancellationToken).ConfigureAwait(false) is { } body)
            {
                using (body)
                {
                    foreach (var item in deliver(pager, body))
                    {
                        yield return item;
                    }
                }
            }
        }
    }

    private IEnumerable<EventPage> WholePage(PageBody body)
    {
        var events = Deliver(body).ToList();
        // The page's memory goes back before the caller gets its events.
        body.Dispose();
        Consumed(events.Count);
        if (events.Count > 0)
        {
            yield return new EventPage(events, _page, body.TotalEvents, _delivered) { Position = _trimmed ? null : _request.PositionAfter(_page) };
        }
    }

    private IEnumerable<Event> EventByEvent(PageBody body)
    {
        var delivered = 0;
        try
        {
            foreach (var item in Deliver(body))
            {
                delivered++;
                yield return item;
            }
        }
        finally
        {
            // Also when the caller stops mid-page: what it was given counts as delivered.
            Consumed(delivered);
        }
    }

    // The next page with events to deliver, or null when the read is complete.
    private async Task<PageBody?> NextAsync(CancellationToken cancellationToken)
    {
        while (!_done)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = ++_page;
            var pagesRead = page - _request.StartPage;
            if (_request.MaxPages is { } maxPages && pagesRead >= maxPages)
            {
                break;
            }

            if (page > _guardBound)
            {
                throw new EventPaginationException(
                    EventPaginationError.TooManyPages,
                    _firstTotal is { } total
                        ? $"The server kept returning full pages: its first page reported totalEvents = {total}, which at limit {_limit} is at most {_guardBound - 1} page(s), but page {page - 1} was still full. The read was stopped to avoid an endless loop; {_delivered} events were delivered."
                        : $"The server kept returning full pages without a totalEvents for {pagesRead} pages; the read was stopped to avoid an endless loop after {_delivered} events. Set EventQuery.MaxPages or MaxEvents to bound the read.",
                    pagesRead,
                    _delivered,
                    _firstTotal);
            }

            var fetched = await (_prefetcher?.Take(page) ?? FetchAsync(page, cancellationToken)).ConfigureAwait(false);
            if (_last is { } before && fetched.Body?.TotalEvents != before.Total && fetched.Started <= before.Completed)
            {
                // Fetched alongside the previous page while the set changed: where its events now sit is
                // unknown. Fetch it again after that page, and drop the other pages fetched ahead.
                fetched.Body?.Dispose();
                _prefetcher?.Discard();
                fetched = await FetchAsync(page, cancellationToken).ConfigureAwait(false);
            }

            var body = PageBody.Validate(fetched.Body, page, _delivered);
            var handedOver = false;
            try
            {
                var count = body.Count;
                var totalEvents = body.TotalEvents;
                if (page == _request.StartPage)
                {
                    // Only the first total sets the bound: a server whose total grows with every page must
                    // not be able to extend the read forever.
                    _firstTotal = totalEvents;
                    if (totalEvents is { } first)
                    {
                        _guardBound = (int)Math.Min(int.MaxValue, CeilingDivide(Math.Max(first, 0), _limit) + 1);
                    }
                }

                var shifted = _last is { } previousPage && totalEvents != previousPage.Total;
                var signature = body.Signature();
                if (!shifted && _previous is { } last && signature is { } current && count > 0 && last == current)
                {
                    throw new EventPaginationException(
                        EventPaginationError.RepeatedPage,
                        $"Pages {page - 1} and {page} hold the same {count} events: the server ignores the page number. The read was stopped after {_delivered} events.",
                        pagesRead,
                        _delivered,
                        _firstTotal);
                }

                _previous = signature;
                _last = (totalEvents, fetched.Completed);
                _done = count < _limit || (totalEvents is { } all && (long)page * _limit >= all);
                // Pages are fetched ahead only once the first page gave a total: without one the read
                // cannot know where the end is, and would ask for pages past it.
                if (!_done && _firstTotal is not null)
                {
                    _prefetcher?.Fill(page + 1, LastPage(totalEvents));
                }

                if (count > 0)
                {
                    // This page's delivered ids are collected afresh; the previous page's are kept to skip
                    // events a shift pushed onto this page.
                    (_previousIds, _currentIds) = (_currentIds, _previousIds);
                    _currentIds.Clear();
                    (_shifted, _trimmed) = (shifted, false);
                    handedOver = true;
                    return body;
                }
            }
            finally
            {
                if (!handedOver)
                {
                    body.Dispose();
                }
            }
        }

        _done = true;
        return null;
    }

    // The page's events in order, without those a shift carried over from the previous page, up to MaxEvents.
    private IEnumerable<Event> Deliver(PageBody body)
    {
        var remaining = _request.MaxEvents - _delivered;
        long taken = 0;
        foreach (var item in body.Events(body.Count))
        {
            if (taken >= remaining)
            {
                _trimmed = true;
                yield break;
            }

            if (item.EventId is { } id)
            {
                if (_shifted && _previousIds.Contains(id))
                {
                    continue;
                }

                _currentIds.Add(id);
            }

            taken++;
            yield return item;
        }
    }

    // Told how many events of the last page were delivered.
    private void Consumed(int delivered)
    {
        _delivered += delivered;
        if (delivered > 0)
        {
            HoneyHiveTelemetry.EventsRead.Add(delivered, new KeyValuePair<string, object?>(TelemetryTags.Endpoint, _request.Endpoint));
        }

        if (_request.MaxEvents is { } max && _delivered >= max)
        {
            _done = true;
        }
    }

    public ValueTask DisposeAsync() => _prefetcher?.DisposeAsync() ?? ValueTask.CompletedTask;

    // The last page worth fetching ahead: the total's, within MaxPages, MaxEvents and the page bound (a
    // total that grows with every page must not take the pages fetched ahead past the bound).
    private int LastPage(long? totalEvents)
    {
        var last = Math.Min(totalEvents is { } total ? CeilingDivide(Math.Max(total, 0), _limit) : _guardBound, _guardBound);
        if (_request.MaxPages is { } maxPages)
        {
            last = Math.Min(last, (long)_request.StartPage - 1 + maxPages);
        }

        if (_request.MaxEvents is { } maxEvents)
        {
            last = Math.Min(last, _request.StartPage - 1 + CeilingDivide(maxEvents, _limit));
        }

        return (int)Math.Min(int.MaxValue, last);
    }

    // One page, its span covering the request and the scan of its body (not the caller's time with its
    // events). A body cut short is fetched again: reads are safe to repeat.
    private async Task<FetchedPage> FetchAsync(int page, CancellationToken cancellationToken)
    {
        var started = Interlocked.Increment(ref _clock);
        using var activity = HoneyHiveTelemetry.Source.StartActivity("HoneyHive page");
        activity?.SetTag(TelemetryTags.Endpoint, _request.Endpoint);
        activity?.SetTag(TelemetryTags.Page, page);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var body = await FetchPageAsync(page, cancellationToken).ConfigureAwait(false);
                activity?.SetTag(TelemetryTags.Events, body?.Count ?? 0);
                return new FetchedPage(body, started, Interlocked.Increment(ref _clock));
            }
            catch (HoneyHiveResponseFormatException ex) when (attempt < _settings.PageRetries && IsInvalidJson(ex) && !cancellationToken.IsCancellationRequested)
            {
                HoneyHiveTelemetry.Retries.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Endpoint, _request.Endpoint), new KeyValuePair<string, object?>(TelemetryTags.RetryReason, "invalid_json"));
                await Task.Delay(_settings.Backoff.Delay(attempt), _settings.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // The response goes to a PageResponseHandler instead of the adapter building an EventList: the events become
    // models one at a time (see PageBody). The generated builders give the RequestInformation (URL template, Accept,
    // body) and the rest is set on it directly: Kiota's RequestConfiguration path reads the generated query-parameter
    // class by reflection on every request, which showed in the NativeAOT CLI's start-up (see docs/PERFORMANCE.md).
    private async Task<PageBody?> FetchPageAsync(int page, CancellationToken cancellationToken)
    {
        var info = _request.Export ? ExportRequest(page) : GetRequest(page);
        var handler = new PageResponseHandler();
        info.AddRequestOptions([new ResponseHandlerOption { ResponseHandler = handler }]);
        await _api.Adapter.SendAsync(info, EventList.CreateFromDiscriminatorValue, errorMapping: null, cancellationToken).ConfigureAwait(false);
        return handler.Page;
    }

    private RequestInformation GetRequest(int page)
    {
        var info = _api.Events.ToGetRequestInformation();
        // The names are the API's (the description's query parameters); the wire tests pin them.
        info.QueryParameters["project"] = _request.Project;
        info.QueryParameters["filters"] = _filtersJson ??= QueryJson.Serialize(_request.Filters);
        if (_request.DateRange is { } range)
        {
            info.QueryParameters["dateRange"] = _dateRangeJson ??= QueryJson.Serialize(range);
        }

        info.QueryParameters["limit"] = _limit;
        info.QueryParameters["page"] = page;
        return info;
    }

    private RequestInformation ExportRequest(int page) =>
        _api.Events.Export.ToPostRequestInformation(new ExportEventsRequest
        {
            Project = _request.Project,
            Filters = _request.Filters,
            DateRange = _request.DateRange,
            Projections = _request.Projections,
            Limit = _limit,
            Page = page,
        });

    // A 2xx body that is not valid JSON, as when the connection drops mid-body; not a body that is valid
    // JSON of the wrong shape, which a repeat would not change.
    private static bool IsInvalidJson(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException)
            {
                return true;
            }
        }

        return false;
    }

    private static long CeilingDivide(long value, int divisor) => (value + divisor - 1) / divisor;
}
