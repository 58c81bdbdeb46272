namespace HoneyHive.Kiota.Batching;

/// <summary>What happened to one event of a batch.</summary>
public enum BatchEventStatus
{
    /// <summary>The server created the event.</summary>
    Created,

    /// <summary>The server did not create the event; <see cref="BatchEventOutcome.Error"/> says why.</summary>
    Failed,

    /// <summary>
    /// The batch was cancelled before the event's outcome was known: it was not sent, or its request
    /// was interrupted. It keeps its event_id, so sending it again cannot create a second copy under a new id.
    /// Only found in <see cref="BatchCanceledException.Result"/>.
    /// </summary>
    Canceled,
}
