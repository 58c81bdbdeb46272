using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Pagination;

/// <summary>One page of events, with what a progress display needs.</summary>
/// <param name="events">The page's events (trimmed when <see cref="EventQuery.MaxEvents"/> was reached).</param>
/// <param name="pageNumber">The 1-based page number sent to the server.</param>
/// <param name="totalEvents">The server's count of all matching events, when it sent one.</param>
/// <param name="eventsSoFar">Events read so far, this page included.</param>
public sealed class EventPage(IReadOnlyList<Event> events, int pageNumber, long? totalEvents, long eventsSoFar)
{
    /// <summary>The page's events.</summary>
    public IReadOnlyList<Event> Events { get; } = events ?? throw new ArgumentNullException(nameof(events));

    /// <summary>The 1-based page number sent to the server.</summary>
    public int PageNumber { get; } = pageNumber;

    /// <summary>The server's count of all events matching the query (not of this page), when it sent one.</summary>
    public long? TotalEvents { get; } = totalEvents;

    /// <summary>Events read so far, this page included.</summary>
    public long EventsSoFar { get; } = eventsSoFar;

    /// <summary>
    /// Where the read stands after this page, to continue it later from the next page with the same pinned
    /// upper time bound (<see cref="EventQuery.ResumeFrom"/>); save it once the page's events are stored.
    /// Null when <see cref="EventQuery.MaxEvents"/> cut the page short.
    /// </summary>
    public EventReadPosition? Position { get; internal init; }
}
