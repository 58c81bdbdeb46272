using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Pagination;

/// <summary>A page that passed the read's guards, ready to be delivered in order.</summary>
/// <param name="Body">The page; the reader disposes it.</param>
/// <param name="PageNumber">The 1-based page number sent.</param>
/// <param name="TotalEvents">The server's count of all matching events with this page.</param>
/// <param name="Remaining">Events the read may still deliver (MaxEvents), or null for no limit.</param>
/// <param name="Delivered">The previous page's event ids when the set changed between the two pages (events
/// it pushed onto this page are skipped), else null.</param>
/// <param name="Ids">Where this page's delivered event ids are collected, for the next page.</param>
/// <param name="Next">Where the read stands once this page is delivered whole.</param>
internal sealed record PageRead(PageBody Body, int PageNumber, long? TotalEvents, long? Remaining, HashSet<string>? Delivered, HashSet<string> Ids, EventReadPosition Next)
{
    /// <summary>Whether <see cref="Events"/> stopped before the page's end (MaxEvents): the page was not delivered whole.</summary>
    public bool Trimmed { get; private set; }

    /// <summary>The page's events in order, without those already delivered, up to <see cref="Remaining"/>.</summary>
    public IEnumerable<Event> Events()
    {
        long taken = 0;
        foreach (var item in Body.Events(Body.Count))
        {
            if (taken >= Remaining)
            {
                Trimmed = true;
                yield break;
            }

            if (item.EventId is { } id)
            {
                if (Delivered?.Contains(id) == true)
                {
                    continue;
                }

                Ids.Add(id);
            }

            taken++;
            yield return item;
        }
    }
}
