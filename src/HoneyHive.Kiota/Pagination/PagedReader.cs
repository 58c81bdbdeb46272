using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Pagination;

/// <summary>Fetches one page: 1-based page number and limit in, the server's answer out.</summary>
internal delegate Task<EventList?> PageFetcher(int page, int limit, CancellationToken cancellationToken);

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
        while (await cursor.NextAsync(cancellationToken).ConfigureAwait(false) is { } page)
        {
            yield return page;
        }
    }

    public static async IAsyncEnumerable<Event> ReadEventsAsync(
        PageRequest request,
        PageFetcher fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One page in memory: the page being read is dropped before the next one is fetched. (A foreach
        // over ReadPagesAsync would keep it alive through the fetch and parse of the next page.)
        var cursor = new PageCursor(request, fetch);
        IReadOnlyList<Event>? events;
        while ((events = (await cursor.NextAsync(cancellationToken).ConfigureAwait(false))?.Events) is not null)
        {
            for (var i = 0; i < events.Count; i++)
            {
                yield return events[i];
            }

            events = null;
        }
    }

    /// <summary>The read's state between pages; each <see cref="NextAsync"/> fetches one page.</summary>
    private sealed class PageCursor(PageRequest request, PageFetcher fetch)
    {
        private readonly int _limit = request.Limit;
        private int _page;
        private long _delivered;
        private long? _firstTotal;
        private int _guardBound = EventPager.UnknownTotalPageLimit;
        private (int Count, string? First, string? Last)? _previous;
        private bool _done;

        /// <summary>The next non-empty page, or null when the read is complete.</summary>
        public async Task<EventPage?> NextAsync(CancellationToken cancellationToken)
        {
            while (!_done)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = ++_page;
                if (request.MaxPages is { } maxPages && page > maxPages)
                {
                    break;
                }

                if (page > _guardBound)
                {
                    throw new EventPaginationException(
                        EventPaginationError.TooManyPages,
                        _firstTotal is { } total
                            ? $"The server kept returning full pages: its first page reported totalEvents = {total}, which at limit {_limit} is at most {_guardBound - 1} page(s), but page {page - 1} was still full. The read was stopped to avoid an endless loop; {_delivered} events were delivered."
                            : $"The server kept returning full pages without a totalEvents for {_guardBound} pages; the read was stopped to avoid an endless loop after {_delivered} events. Set EventQuery.MaxPages or MaxEvents to bound the read.",
                        page - 1,
                        _delivered,
                        _firstTotal);
                }

                var list = await fetch(page, _limit, cancellationToken).ConfigureAwait(false);
                var events = EventsOf(list, page, _delivered);
                var totalEvents = list.TotalEvents;
                if (page == 1 && totalEvents is { } first)
                {
                    _firstTotal = first;
                    _guardBound = (int)Math.Min(int.MaxValue, CeilingDivide(Math.Max(first, 0), _limit) + 1);
                }

                var signature = Signature(events);
                if (_previous is { } last && signature is { } current && events.Count > 0 && last == current)
                {
                    throw new EventPaginationException(
                        EventPaginationError.RepeatedPage,
                        $"Pages {page - 1} and {page} hold the same {events.Count} events: the server ignores the page number. The read was stopped after {_delivered} events.",
                        page - 1,
                        _delivered,
                        _firstTotal);
                }

                _previous = signature;

                IReadOnlyList<Event> delivering = events;
                if (request.MaxEvents is { } maxEvents && maxEvents - _delivered < events.Count)
                {
                    delivering = events.GetRange(0, (int)(maxEvents - _delivered));
                }

                _delivered += delivering.Count;
                var shortPage = events.Count < _limit;
                var reachedTotal = totalEvents is { } count && (long)page * _limit >= count;
                var reachedMax = request.MaxEvents is { } max && _delivered >= max;
                _done = shortPage || reachedTotal || reachedMax;
                if (delivering.Count > 0)
                {
                    return new EventPage(delivering, page, totalEvents, _delivered);
                }
            }

            _done = true;
            return null;
        }
    }

    private static long CeilingDivide(long value, int divisor) => (value + divisor - 1) / divisor;

    // A page without an events array (no body, a 204, "events" of another JSON type) would otherwise
    // read as an empty page, which ends the read: a truncation that looks like a complete read.
    private static List<Event> EventsOf([NotNull] EventList? list, int page, long delivered)
    {
        if (list is null)
        {
            throw new HoneyHiveResponseFormatException($"Page {page} of the read had no body where a page of events was expected; {delivered} events were delivered before it.");
        }

        if (list.Events is { } events)
        {
            return events;
        }

        // {"totalEvents": 0} without the array is an unambiguous empty result.
        if (list.TotalEvents == 0 && !list.AdditionalData.ContainsKey("events"))
        {
            return [];
        }

        throw new HoneyHiveResponseFormatException($"Page {page} of the read has no \"events\" array; {delivered} events were delivered before it.");
    }

    // Events without ids (an export projection may leave event_id out) give no signature: no check.
    private static (int, string?, string?)? Signature(List<Event> events) =>
        events.Count > 0 && events[0].EventId is { } firstId && events[^1].EventId is { } lastId
            ? (events.Count, firstId, lastId)
            : null;
}
