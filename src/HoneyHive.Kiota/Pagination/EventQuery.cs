using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Pagination;

/// <summary>
/// What to read with <see cref="HoneyHiveClient.GetEventsAsync"/> and the other paged reads: the same query
/// serves GET /events and POST /events/export.
/// </summary>
/// <remarks>
/// <para>The read copies the query when it starts; changing it afterwards does not affect that read.</para>
/// <para>A query without an upper time bound (<see cref="DateRange"/>'s <c>$lte</c>) gets one when the read
/// starts: the current time (<see cref="HoneyHiveClientOptions.TimeProvider"/>). Events that arrive during
/// the read with a later start time are then left out rather than shifting its pages; read again to get
/// them. An event that arrives with an earlier start time and pushes one from the previous page onto the
/// next is not yielded twice.</para>
/// </remarks>
public sealed class EventQuery
{
    /// <summary>The page size used when none is set: the API's own default.</summary>
    public const int DefaultPageSize = 1000;

    /// <summary>The largest page size the API accepts.</summary>
    public const int MaxPageSize = 7500;

    /// <summary>Creates a query for a project.</summary>
    /// <param name="project">The project's name or id.</param>
    public EventQuery(string project) => Project = project;

    /// <summary>The project's name or id (required).</summary>
    public string Project { get; set; }

    /// <summary>The filters, all of which must match; empty for every event (the API requires the list, so an empty one is sent).</summary>
    public IList<EventFilter> Filters { get; set; } = new List<EventFilter>();

    /// <summary>An optional range on the events' start time; see <see cref="Filters.DateRanges"/>.</summary>
    public DateRange? DateRange { get; set; }

    /// <summary>Fields to return for each event. Only POST /events/export supports this; reading with GET throws when it is set.</summary>
    public IList<string>? Projections { get; set; }

    /// <summary>Events per request, 1 to 7500; default 1000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1 or greater than 7500.</exception>
    public int PageSize
    {
        get;
        set
        {
            if (value is < 1 or > MaxPageSize)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"PageSize must be between 1 and {MaxPageSize} (the API's maximum limit); got {value}.");
            }

            field = value;
        }
    } = DefaultPageSize;

    /// <summary>Stop after this many events; null for all. The last page is trimmed to fit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public long? MaxEvents
    {
        get;
        set
        {
            if (value is < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxEvents must be at least 1, or null for all events; got {value}.");
            }

            field = value;
        }
    }

    /// <summary>
    /// The 1-based page the read starts at (1 by default), to resume a read that stopped: pages before it
    /// are not requested, <see cref="MaxPages"/> and <see cref="MaxEvents"/> count from it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int StartPage
    {
        get;
        set
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"StartPage must be at least 1 (pages are numbered from 1); got {value}.");
            }

            field = value;
        }
    } = 1;

    /// <summary>
    /// Continues a read that stopped (cancelled, crashed, killed) after the page whose
    /// <see cref="EventPage.Position"/> this is: from its next page, with its page size and its pinned upper
    /// time bound, so the two reads together deliver each event once. Set it on the same query (project,
    /// filters, <see cref="DateRange"/>'s lower bound, projections, endpoint), else the read throws
    /// <see cref="ArgumentException"/>; <see cref="StartPage"/> stays 1. <see cref="MaxEvents"/> and
    /// <see cref="MaxPages"/> count from the position.
    /// </summary>
    public EventReadPosition? ResumeFrom { get; set; }

    /// <summary>The largest <see cref="MaxConcurrency"/>.</summary>
    public const int MaxMaxConcurrency = 16;

    /// <summary>
    /// Pages fetched at once, 1 to 16; default 1 (one after another). Above 1, once the first page gives
    /// <c>totalEvents</c> the read fetches up to this many pages ahead while the caller works through the
    /// current one, and still yields events in page order, with at most <c>MaxConcurrency + 1</c> pages in
    /// memory. Pages the server answers with a different <c>totalEvents</c> than the page before (the set
    /// changed between them) are fetched again in order, so the result is what a sequential read gives.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1 or greater than 16.</exception>
    public int MaxConcurrency
    {
        get;
        set
        {
            if (value is < 1 or > MaxMaxConcurrency)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxConcurrency must be between 1 and {MaxMaxConcurrency}; got {value}.");
            }

            field = value;
        }
    } = 1;

    /// <summary>Stop after this many pages; null for no limit. Reaching it ends the read quietly, like <see cref="MaxEvents"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? MaxPages
    {
        get;
        set
        {
            if (value is < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxPages must be at least 1, or null for no limit; got {value}.");
            }

            field = value;
        }
    }
}
