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
        var limit = request.Limit;
        long delivered = 0;
        long? firstTotal = null;
        var guardBound = EventPager.UnknownTotalPageLimit;
        (int Count, string? First, string? Last)? previous = null;

        for (var page = 1; ; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (request.MaxPages is { } maxPages && page > maxPages)
            {
                yield break;
            }

            if (page > guardBound)
            {
                throw new EventPaginationException(
                    EventPaginationError.TooManyPages,
                    firstTotal is { } total
                        ? $"The server kept returning full pages: its first page reported totalEvents = {total}, which at limit {limit} is at most {guardBound - 1} page(s), but page {page - 1} was still full. The read was stopped to avoid an endless loop; {delivered} events were delivered."
                        : $"The server kept returning full pages without a totalEvents for {guardBound} pages; the read was stopped to avoid an endless loop after {delivered} events. Set EventQuery.MaxPages or MaxEvents to bound the read.",
                    page - 1,
                    delivered,
                    firstTotal);
            }

            var list = await fetch(page, limit, cancellationToken).ConfigureAwait(false);
            var events = EventsOf(list, page, delivered);
            var totalEvents = list.TotalEvents;
            if (page == 1 && totalEvents is { } first)
            {
                firstTotal = first;
                guardBound = (int)Math.Min(int.MaxValue, CeilingDivide(Math.Max(first, 0), limit) + 1);
            }

            var signature = Signature(events);
            if (previous is { } last && signature is { } current && events.Count > 0 && last == current)
            {
                throw new EventPaginationException(
                    EventPaginationError.RepeatedPage,
                    $"Pages {page - 1} and {page} hold the same {events.Count} events: the server ignores the page number. The read was stopped after {delivered} events.",
                    page - 1,
                    delivered,
                    firstTotal);
            }

            previous = signature;

            IReadOnlyList<Event> delivering = events;
            if (request.MaxEvents is { } maxEvents && maxEvents - delivered < events.Count)
            {
                delivering = events.GetRange(0, (int)(maxEvents - delivered));
            }

            delivered += delivering.Count;
            if (delivering.Count > 0)
            {
                yield return new EventPage(delivering, page, totalEvents, delivered);
            }

            var shortPage = events.Count < limit;
            var reachedTotal = totalEvents is { } count && (long)page * limit >= count;
            var reachedMax = request.MaxEvents is { } max && delivered >= max;
            if (shortPage || reachedTotal || reachedMax)
            {
                yield break;
            }
        }
    }

    public static async IAsyncEnumerable<Event> ReadEventsAsync(
        PageRequest request,
        PageFetcher fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in ReadPagesAsync(request, fetch, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Events)
            {
                yield return item;
            }
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
