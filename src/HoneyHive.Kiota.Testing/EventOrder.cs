namespace HoneyHive.Kiota.Testing;

/// <summary>The order in which <c>GET /events</c> and <c>POST /events/export</c> return matching events.</summary>
public enum EventOrder
{
    /// <summary>Oldest stored first, as events were added (the default).</summary>
    Insertion,

    /// <summary>
    /// Newest <c>start_time</c> first, ties broken by later insertion first, as HoneyHive's search endpoint orders.
    /// Offset paging over a live project then shifts: an event stored between two page requests with a newer
    /// <c>start_time</c> than a page's events pushes them onto the next page, where they are read again.
    /// </summary>
    StartTimeDescending,
}
