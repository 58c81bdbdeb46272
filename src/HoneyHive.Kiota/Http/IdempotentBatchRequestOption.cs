using Microsoft.Kiota.Abstractions;

namespace HoneyHive.Kiota.Http;

/// <summary>
/// Marks a <c>POST /events/batch</c> request as safe to send again: the caller guarantees a repeat
/// cannot create duplicate events (for example because every event carries a client-chosen
/// <c>event_id</c> the server de-duplicates on). Without it, a batch is retried only when every event
/// in the body has a non-empty <c>event_id</c>.
/// </summary>
/// <example>
/// <code>
/// await client.Api.Events.Batch.PostAsync(body, config => config.Options.Add(IdempotentBatchRequestOption.Instance));
/// </code>
/// </example>
public sealed class IdempotentBatchRequestOption : IRequestOption
{
    /// <summary>The shared instance (the option carries no state).</summary>
    public static IdempotentBatchRequestOption Instance { get; } = new();
}
