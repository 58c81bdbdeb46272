namespace HoneyHive.Kiota.Batching;

/// <summary>
/// An event whose JSON alone exceeds <see cref="BatchOptions.MaxBatchBytes"/>: no batch request can carry
/// it, so it is reported failed with this exception and never sent (HoneyHive refuses requests over
/// 5 MB with "Payload too large").
/// </summary>
public sealed class EventTooLargeException : Exception
{
    internal EventTooLargeException(string eventId, long requestBytes, int maxBatchBytes)
        : base($"Event {eventId} is too large to send: a batch request holding only this event is {requestBytes:N0} bytes of JSON, over the {maxBatchBytes:N0}-byte budget (BatchOptions.MaxBatchBytes; HoneyHive refuses requests over 5 MB). Shrink its inputs, outputs or metadata; it was not sent.")
    {
        EventId = eventId;
        RequestBytes = requestBytes;
        MaxBatchBytes = maxBatchBytes;
    }

    /// <summary>The event's id.</summary>
    public string EventId { get; }

    /// <summary>The size of a batch request holding just this event, in bytes of JSON.</summary>
    public long RequestBytes { get; }

    /// <summary>The budget it exceeds.</summary>
    public int MaxBatchBytes { get; }
}
