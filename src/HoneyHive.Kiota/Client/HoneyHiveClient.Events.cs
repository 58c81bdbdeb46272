using HoneyHive.Kiota.Batching;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Pagination;

namespace HoneyHive.Kiota;

// The everyday operations, on the entry point itself so users find them next to Api.
public sealed partial class HoneyHiveClient
{
    /// <summary>Every event matching <paramref name="query"/> through <c>GET /events</c>, page by page.</summary>
    /// <param name="query">Project, filters, date range, page size and limits.</param>
    /// <param name="cancellationToken">Stops the read between and during pages.</param>
    /// <returns>The events, one page in memory at a time.</returns>
    public IAsyncEnumerable<Event> GetEventsAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        EventPager.ReadEventsAsync(Api, query, export: false, _pagerSettings, cancellationToken);

    /// <summary>Every event matching <paramref name="query"/> through <c>POST /events/export</c>, page by page.</summary>
    /// <param name="query">Project, filters, date range, projections, page size and limits.</param>
    /// <param name="cancellationToken">Stops the read between and during pages.</param>
    /// <returns>The events, one page in memory at a time.</returns>
    public IAsyncEnumerable<Event> ExportEventsAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        EventPager.ReadEventsAsync(Api, query, export: true, _pagerSettings, cancellationToken);

    /// <summary>The pages of <c>GET /events</c> for <paramref name="query"/>, with totals for progress reporting.</summary>
    /// <param name="query">Project, filters, date range, page size and limits.</param>
    /// <param name="cancellationToken">Stops the read between and during pages.</param>
    /// <returns>The non-empty pages.</returns>
    public IAsyncEnumerable<EventPage> GetEventPagesAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        EventPager.ReadPagesAsync(Api, query, export: false, _pagerSettings, cancellationToken);

    /// <summary>The pages of <c>POST /events/export</c> for <paramref name="query"/>, with totals for progress reporting.</summary>
    /// <param name="query">Project, filters, date range, projections, page size and limits.</param>
    /// <param name="cancellationToken">Stops the read between and during pages.</param>
    /// <returns>The non-empty pages.</returns>
    public IAsyncEnumerable<EventPage> ExportEventPagesAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        EventPager.ReadPagesAsync(Api, query, export: true, _pagerSettings, cancellationToken);

    /// <summary>Creates any number of events through <c>POST /events/batch</c> in chunks, giving each event
    /// without an <c>event_id</c> a UUID first, and reports the outcome of every event.</summary>
    /// <param name="events">The events to create.</param>
    /// <param name="options">Chunk size, parallelism and session settings; defaults when null.</param>
    /// <param name="cancellationToken">Stops sending; events not sent are reported as canceled.</param>
    /// <returns>Created and failed events, with the server's error text for each failure.</returns>
    public Task<BatchResult> CreateEventsAsync(IEnumerable<CreateEventRequest> events, BatchOptions? options = null, CancellationToken cancellationToken = default) =>
        new EventBatcher(Api, options).SendAsync(events, cancellationToken);
}
