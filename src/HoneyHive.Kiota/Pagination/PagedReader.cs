using System.Runtime.CompilerServices;
using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Pagination;

/// <summary>The page loop shared by GET /events and POST /events/export; the rules are <see cref="PageCursor"/>'s.</summary>
internal static class PagedReader
{
    public static async IAsyncEnumerable<EventPage> ReadPagesAsync(
        PageRequest request,
        Func<PageRequest, PageFetcher> fetcherFor,
        PagerSettings settings,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = PageCursor.Start(request, fetcherFor, settings, cancellationToken);
        await using (cursor.ConfigureAwait(false))
        {
            while (await cursor.NextAsync(cancellationToken).ConfigureAwait(false) is { } read)
            {
                List<Event> events;
                using (read.Body)
                {
                    events = read.Events().ToList();
                }

                cursor.Consumed(events.Count);
                if (events.Count > 0)
                {
                    yield return new EventPage(events, read.PageNumber, read.TotalEvents, cursor.Delivered) { Position = read.Trimmed ? null : read.Next };
                }
            }
        }
    }

    public static async IAsyncEnumerable<Event> ReadEventsAsync(
        PageRequest request,
        Func<PageRequest, PageFetcher> fetcherFor,
        PagerSettings settings,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One parsed page being delivered (plus those fetched ahead), its events made into models one at a
        // time (see PageBody); the page goes back to the pool before the next one is taken.
        var cursor = PageCursor.Start(request, fetcherFor, settings, cancellationToken);
        await using (cursor.ConfigureAwait(false))
        {
            while (await cursor.NextAsync(cancellationToken).ConfigureAwait(false) is { } read)
            {
                var delivered = 0;
                try
                {
                    using (read.Body)
                    {
                        foreach (var item in read.Events())
                        {
                            delivered++;
                            yield return item;
                        }
                    }
                }
                finally
                {
                    // Also when the caller stops mid-page: what it was given counts as delivered.
                    cursor.Consumed(delivered);
                }
            }
        }
    }
}
