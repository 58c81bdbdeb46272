namespace HoneyHive.Kiota.Ingestion;

/// <summary>What <see cref="EventSink.Enqueue"/> does when the queue is full.</summary>
public enum EventSinkOverflow
{
    /// <summary>Drop the event being enqueued (OpenTelemetry's choice): the queue keeps the older events.</summary>
    DropNewest,

    /// <summary>Drop the oldest queued event to make room: the queue keeps the most recent events.</summary>
    DropOldest,

    /// <summary>
    /// Wait up to <see cref="EventSinkOptions.OverflowTimeout"/> for room, then drop the event being enqueued.
    /// <see cref="EventSink.Enqueue"/> blocks its thread while it waits; <see cref="EventSink.EnqueueAsync"/> does not.
    /// </summary>
    Wait,
}
