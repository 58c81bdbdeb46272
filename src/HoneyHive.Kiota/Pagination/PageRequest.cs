using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Pagination;

/// <summary>A validated copy of an <see cref="EventQuery"/>, taken when a read starts.</summary>
internal sealed record PageRequest(
    string Project,
    List<EventFilter> Filters,
    DateRange? DateRange,
    List<string>? Projections,
    int PageSize,
    int StartPage,
    long? MaxEvents,
    int? MaxPages,
    int MaxConcurrency,
    bool Export)
{
    /// <summary>The endpoint the pages come from, as telemetry names it.</summary>
    public string Endpoint => Export ? "POST /events/export" : "GET /events";

    /// <summary>Validates and copies a query.</summary>
    public static PageRequest From(EventQuery query, bool export, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(query, parameterName);
        if (string.IsNullOrWhiteSpace(query.Project))
        {
            throw new ArgumentException("EventQuery.Project is required: set the project's name or id.", parameterName);
        }

        var filters = query.Filters?.ToList() ?? [];
        for (var i = 0; i < filters.Count; i++)
        {
            if (filters[i] is null)
            {
                throw new ArgumentException($"EventQuery.Filters[{i}] is null.", parameterName);
            }
        }

        if (!export && query.Projections is { Count: > 0 })
        {
            throw new ArgumentException(
                "EventQuery.Projections is only supported by POST /events/export; use the export methods or clear Projections.", parameterName);
        }

        return new PageRequest(query.Project, filters, query.DateRange, query.Projections?.ToList(), query.PageSize, query.StartPage, query.MaxEvents, query.MaxPages, query.MaxConcurrency, export);
    }

    /// <summary>
    /// The limit to send: the page size, or MaxEvents when that is smaller and the read starts at page 1
    /// (then page 1 holds all the events wanted, so a smaller limit cannot shift any page boundary; from a
    /// later page it would).
    /// </summary>
    public int Limit => StartPage == 1 && MaxEvents is { } max && max < PageSize ? (int)max : PageSize;

    /// <summary>
    /// This request with an upper time bound when it has none: <paramref name="now"/>, to the millisecond the
    /// API is sent. Events that arrive during the read with a later start time then stay out of it instead
    /// of shifting its pages (offset paging over a live project).
    /// </summary>
    public PageRequest PinnedAt(DateTimeOffset now)
    {
        if (DateRange?.Lte is not null)
        {
            return this;
        }

        var pinned = new DateRange
        {
            Gte = DateRange?.Gte,
            Lte = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()),
        };
        foreach (var (key, value) in DateRange?.AdditionalData ?? new Dictionary<string, object>())
        {
            pinned.AdditionalData[key] = value;
        }

        return this with { DateRange = pinned };
    }
}
