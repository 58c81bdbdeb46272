using HoneyHive.Kiota.Batching;
using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota;

public static partial class EventFlowExtensions
{
    /// <summary>Sends any number of events through POST /events/batch in chunks; see <see cref="EventBatcher"/>.</summary>
    /// <param name="api">The client.</param>
    /// <param name="events">The events; ids are assigned where missing.</param>
    /// <param name="options">How to split and send; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>One outcome per event, in input order.</returns>
    public static Task<BatchResult> CreateEventsAsync(
        this HoneyHiveApiClient api,
        IEnumerable<CreateEventRequest> events,
        BatchOptions? options = null,
        CancellationToken cancellationToken = default) =>
        new EventBatcher(api, options).SendAsync(events, cancellationToken);
}
