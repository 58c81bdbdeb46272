using HoneyHive.Kiota.Batching;

namespace HoneyHive.Kiota.Ingestion;

/// <summary>How an <see cref="EventSink"/> queues, batches and sends events. Read once, when the sink is created.</summary>
public sealed class EventSinkOptions
{
    /// <summary>Queued events at most; default 2048 (OpenTelemetry's batch processor's queue).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int QueueCapacity
    {
        get;
        set => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"QueueCapacity must be at least 1; got {value}.");
    } = 2048;

    /// <summary>What to do when the queue is full; default <see cref="EventSinkOverflow.DropNewest"/>.</summary>
    public EventSinkOverflow Overflow { get; set; } = EventSinkOverflow.DropNewest;

    /// <summary>With <see cref="EventSinkOverflow.Wait"/>, how long to wait for room before dropping; default 1 s.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan OverflowTimeout
    {
        get;
        set => field = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "OverflowTimeout must not be negative.");
    } = TimeSpan.FromSeconds(1);

    /// <summary>Events per batch request; a batch goes out when it has this many; default 500.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int BatchSize
    {
        get;
        set => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"BatchSize must be at least 1; got {value}.");
    } = BatchOptions.DefaultBatchSize;

    /// <summary>A batch goes out at most this long after its first event was queued, full or not; default 5 s.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan FlushInterval
    {
        get;
        set => field = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "FlushInterval must be positive.");
    } = TimeSpan.FromSeconds(5);

    /// <summary>The request-size budget of one batch (see <see cref="BatchOptions.MaxBatchBytes"/>); a batch over it
    /// goes out in several requests.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than <see cref="BatchOptions.MinMaxBatchBytes"/>.</exception>
    public int MaxBatchBytes
    {
        get;
        set => field = value >= BatchOptions.MinMaxBatchBytes ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxBatchBytes must be at least {BatchOptions.MinMaxBatchBytes}; got {value}.");
    } = BatchOptions.DefaultMaxBatchBytes;

    /// <summary>Batch requests in flight at once; default 2. When all are busy the queue fills, and <see cref="Overflow"/> applies.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxParallelism
    {
        get;
        set => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxParallelism must be at least 1; got {value}.");
    } = 2;

    /// <summary>How long <see cref="EventSink.DisposeAsync"/> may take to send what is queued; default 10 s. Events not
    /// created by then are reported failed (and dead-lettered).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan DisposeTimeout
    {
        get;
        set => field = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "DisposeTimeout must not be negative.");
    } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Called with the events of a batch the server did not create (each with its reason), with events that
    /// cannot be written as JSON (<see cref="Batching.EventNotWritableException"/>, naming the field), and with
    /// events not sent before the dispose deadline. Called from the sink's background work, one call at a time; an
    /// exception it throws is ignored (the events still reach the dead-letter file).
    /// </summary>
    public Action<IReadOnlyList<BatchEventOutcome>>? OnFailed { get; set; }

    /// <summary>
    /// When set, every failed event is appended to this file as one JSON line in the batch request's event
    /// shape, with its <c>event_id</c>: <c>hh events send &lt;path&gt;</c> sends them again, and the ids
    /// keep a repeat from creating copies. Lines follow <see cref="OnFailed"/>'s events one for one: an event that
    /// failed because a number in it is NaN or infinite keeps its line, with that number written as the string
    /// <c>"NaN"</c>, <c>"Infinity"</c> or <c>"-Infinity"</c>.
    /// </summary>
    public string? DeadLetterPath { get; set; }

    /// <summary>The clock for <see cref="FlushInterval"/> and <see cref="DisposeTimeout"/>; default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
