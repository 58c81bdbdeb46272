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
    bool Export,
    string Fingerprint)
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

        var fingerprint = QueryFingerprint.Of(export, query.Project, filters, query.DateRange?.Gte, query.Projections?.ToList());
        var request = new PageRequest(query.Project, filters, query.DateRange, query.Projections?.ToList(), query.PageSize, query.StartPage, query.MaxEvents, query.MaxPages, query.MaxConcurrency, export, fingerprint);
        return query.ResumeFrom is { } position ? request.ResumedAt(position, query, parameterName) : request;
    }

    /// <summary>The position after <paramref name="page"/> (fetched with <see cref="Limit"/>), to continue this read from.</summary>
    public EventReadPosition PositionAfter(int page) =>
        new(page + 1, Limit, DateRange?.Lte ?? throw new InvalidOperationException("The read was not pinned."), Fingerprint);

    // The saved read's pages: its page size, its pinned upper bound, from its next page.
    private PageRequest ResumedAt(EventReadPosition position, EventQuery query, string parameterName)
    {
        if (position.Query != Fingerprint)
        {
            throw new ArgumentException(
                "EventQuery.ResumeFrom was saved by a read of another query: the endpoint, project, filters, DateRange.Gte or projections differ. Resume with the query that was read.", parameterName);
        }

        if (query.StartPage != 1)
        {
            throw new ArgumentException("EventQuery.StartPage and ResumeFrom both say where to start: set one.", parameterName);
        }

        if (query.DateRange?.Lte is { } lte && lte != position.Until)
        {
            throw new ArgumentException(
                $"EventQuery.DateRange.Lte ({lte:O}) differs from the resumed read's pinned upper bound ({position.Until:O}): leave it unset or the same.", parameterName);
        }

        // Pinned where the first read was (the saved bound is already to the millisecond).
        return (this with { PageSize = position.PageSize, StartPage = position.NextPage }).PinnedAt(position.Until);
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
