using HoneyHive.Kiota.Errors;

namespace HoneyHive.Kiota.Pagination;

/// <summary>
/// A paged read was stopped because the server did not behave like a finite, paged list
/// (see <see cref="Error"/>). The events read before it was thrown were all delivered.
/// </summary>
/// <remarks>
/// The pager throws rather than stopping quietly: a quiet stop would look like a complete read while
/// events may be missing or duplicated.
/// </remarks>
public sealed class EventPaginationException : HoneyHiveApiException
{
    internal EventPaginationException(EventPaginationError error, string message, int pagesRead, long eventsRead, long? firstTotalEvents)
        : base(message)
    {
        Error = error;
        PagesRead = pagesRead;
        EventsRead = eventsRead;
        FirstTotalEvents = firstTotalEvents;
    }

    /// <summary>What went wrong.</summary>
    public EventPaginationError Error { get; }

    /// <summary>Pages read before the read was stopped.</summary>
    public int PagesRead { get; }

    /// <summary>Events delivered before the read was stopped.</summary>
    public long EventsRead { get; }

    /// <summary>The <c>totalEvents</c> of the first page, when sent.</summary>
    public long? FirstTotalEvents { get; }
}
