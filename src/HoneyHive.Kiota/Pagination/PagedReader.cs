using System.Runtime.CompilerServices;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Telemetry;

namespace HoneyHive.Kiota.Pagination;

/// <summary>Fetches one page: 1-based page number and limit in, the server's answer out.</summary>
internal delegate Task<PageBody?> PageFetcher(int page, int limit, CancellationToken cancellationToken);

/// <summary>The page loop shared by GET /events and POST /events/export.</summary>
/// <remarks>
/// Stops on an empty page, a short page, page × limit ≥ totalEvents, MaxEvents or MaxPages.
/// Guards against a server that never ends by throwing <see cref="EventPaginationException"/> when
/// it would request more than ceil(firstTotal / limit) + 1 pages (one page of slack for events
/// added while reading), more than <see cref="EventPager.UnknownTotalPageLimit"/> pages without a
/// totalEvents, or when two consecutive pages hold the same events.
/// </remarks>
internal static class PagedReader
{
    public static async IAsyncEnumerable<EventPage> ReadPagesAsync(
        PageRequest request,
        PageFetcher fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = new PageCursor(request, fetch);
        while (await cursor.NextAsync(cancellationToken).ConfigureAwait(false) is { } read)
        {
            List<Event> events;
            using (read.Body)
            {
                events = read.Body.Events(read.Take).ToList();
            }

            yield return new EventPage(events, read.PageNumber, read.TotalEvents, read.Delivered);
        }
    }

    public static async IAsyncEnumerable<Event> ReadEventsAsync(
        PageRequest request,
        PageFetcher fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One parsed page in memory, its events made into models one at a time (see PageBody); the page
        // goes back to the pool before the next one is fetched.
        var cursor = new PageCursor(request, fetch);
        while (await cursor.NextAsync(cancellationToken).ConfigureAwait(false) is { } read)
        {
            using (read.Body)
            {
                foreach (var item in read.Body.Events(read.Take))
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>A page that passed the loop guards: its body and how many of its events to deliver.</summary>
    private sealed record PageRead(PageBody Body, int Take, int PageNumber, long? TotalEvents, long Delivered);

    /// <summary>The read's state between pages; each <see cref="NextAsync"/> fetches one page.</summary>
    private sealed class PageCursor(PageRequest request, PageFetcher fetch)
    {
        private readonly int _limit = request.Limit;
        private int _page = request.StartPage - 1;
        private long _delivered;
        private long? _firstTotal;

        // The highest page number the read may request: UnknownTotalPageLimit pages, until the first page
        // reports a totalEvents.
        private int _guardBound = (int)Math.Min(int.MaxValue, (long)request.StartPage - 1 + EventPager.UnknownTotalPageLimit);
        private (int Count, string? First, string? Last)? _previous;
        private bool _done;

        /// <summary>The next non-empty page, or null when the read is complete.</summary>
        public async Task<PageRead?> NextAsync(CancellationToken cancellationToken)
        {
            while (!_done)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = ++_page;
                var pagesRead = page - request.StartPage;
                if (request.MaxPages is { } maxPages && pagesRead >= maxPages)
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

                // The page's span covers fetching and scanning it, not the caller's time with its events.
                using var activity = HoneyHiveTelemetry.Source.StartActivity("HoneyHive page");
                activity?.SetTag(TelemetryTags.Endpoint, request.Endpoint);
                activity?.SetTag(TelemetryTags.Page, page);
                var body = PageBody.Validate(await fetch(page, _limit, cancellationToken).ConfigureAwait(false), page, _delivered);
                activity?.SetTag(TelemetryTags.Events, body.Count);
                var handedOver = false;
                try
                {
                    var count = body.Count;
                    var totalEvents = body.TotalEvents;
                    if (page == request.StartPage && totalEvents is { } first)
                    {
                        _firstTotal = first;
                        _guardBound = (int)Math.Min(int.MaxValue, CeilingDivide(Math.Max(first, 0), _limit) + 1);
                    }

                    var signature = body.Signature();
                    if (_previous is { } last && signature is { } current && count > 0 && last == current)
                    {
                        throw new EventPaginationException(
                            EventPaginationError.RepeatedPage,
                            $"Pages {page - 1} and {page} hold the same {count} events: the server ignores the page number. The read was stopped after {_delivered} events.",
                            pagesRead,
                            _delivered,
                            _firstTotal);
                    }

                    _previous = signature;
                    var take = request.MaxEvents is { } maxEvents && maxEvents - _delivered < count ? (int)(maxEvents - _delivered) : count;
                    _delivered += take;
                    var shortPage = count < _limit;
                    var reachedTotal = totalEvents is { } all && (long)page * _limit >= all;
                    var reachedMax = request.MaxEvents is { } max && _delivered >= max;
                    _done = shortPage || reachedTotal || reachedMax;
                    if (take > 0)
                    {
                        HoneyHiveTelemetry.EventsRead.Add(take, new KeyValuePair<string, object?>(TelemetryTags.Endpoint, request.Endpoint));
                        handedOver = true;
                        return new PageRead(body, take, page, totalEvents, _delivered);
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
    }

    private static long CeilingDivide(long value, int divisor) => (value + divisor - 1) / divisor;
}
