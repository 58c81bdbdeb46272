namespace HoneyHive.Kiota.Ingestion;

/// <summary>
/// What an <see cref="EventSink"/> did with the events given to it, at one moment. Every event offered is
/// exactly one of dropped, created, failed or pending: <c>Enqueued = Dropped + Created + Failed + Pending</c>,
/// and after <see cref="EventSink.DisposeAsync"/> nothing is pending.
/// </summary>
/// <param name="Enqueued">Events offered to <see cref="EventSink.Enqueue"/> or <see cref="EventSink.EnqueueAsync"/>.</param>
/// <param name="Dropped">Events dropped by the overflow policy or offered after disposal; never sent.</param>
/// <param name="Created">Events the server created.</param>
/// <param name="Failed">Events reported failed (to <see cref="EventSinkOptions.OnFailed"/> and the dead-letter file).</param>
/// <param name="DeadLettered">Failed events written to <see cref="EventSinkOptions.DeadLetterPath"/>.</param>
public readonly record struct EventSinkCounts(long Enqueued, long Dropped, long Created, long Failed, long DeadLettered)
{
    /// <summary>Events queued or being sent: neither dropped nor settled yet.</summary>
    public long Pending => Enqueued - Dropped - Created - Failed;
}
