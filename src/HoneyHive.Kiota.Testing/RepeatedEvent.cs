namespace HoneyHive.Kiota.Testing;

/// <summary>
/// A batch event whose <c>event_id</c> was already stored when it arrived: stored once, reported created again
/// (see <see cref="InMemoryHoneyHive.RepeatedEvents"/>).
/// </summary>
public sealed class RepeatedEvent
{
    internal RepeatedEvent(string eventId, bool afterHiddenOutcome)
    {
        EventId = eventId;
        AfterHiddenOutcome = afterHiddenOutcome;
    }

    /// <summary>The repeated <c>event_id</c>.</summary>
    public string EventId { get; }

    /// <summary>
    /// True when an earlier request carrying this <c>event_id</c> was processed but its answer was hidden from the
    /// client (a reset after processing or a truncated body, queued or random): the client had reason to send it
    /// again. False means the client re-sent an event it had seen accepted, or one twice in one batch.
    /// </summary>
    public bool AfterHiddenOutcome { get; }

    /// <inheritdoc />
    public override string ToString() => AfterHiddenOutcome ? $"{EventId} (after a hidden outcome)" : EventId;
}
