using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Pagination;

namespace HoneyHive.Kiota;

/// <summary>
/// The paging, filtering and batching flows as extension methods on the generated client, so they
/// work with any <see cref="HoneyHiveApiClient"/>.
/// </summary>
public static partial class EventFlowExtensions
{
    /// <summary>Every matching event, read page by page with GET /events.</summary>
    /// <param name="api">The client.</param>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    /// <seealso cref="EventPager.GetEventsAsync(EventQuery, CancellationToken)"/>
    public static IAsyncEnumerable<Event> GetAllEventsAsync(this HoneyHiveApiClient api, EventQuery query, CancellationToken cancellationToken = default) =>
        new EventPager(api).GetEventsAsync(query, cancellationToken);

    /// <summary>Every matching event, read page by page with POST /events/export.</summary>
    /// <param name="api">The client.</param>
    /// <param name="query">The query.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    /// <seealso cref="EventPager.ExportEventsAsync(EventQuery, CancellationToken)"/>
    public static IAsyncEnumerable<Event> ExportAllEventsAsync(this HoneyHiveApiClient api, EventQuery query, CancellationToken cancellationToken = default) =>
        new EventPager(api).ExportEventsAsync(query, cancellationToken);
}
