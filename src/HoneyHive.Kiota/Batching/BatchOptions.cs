using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Batching;

/// <summary>How <see cref="EventBatcher"/> splits and sends events.</summary>
public sealed class BatchOptions
{
    /// <summary>Events per request when none is set.</summary>
    public const int DefaultBatchSize = 500;

    /// <summary>Events per POST /events/batch request; at least 1, default 500.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int BatchSize
    {
        get;
        set
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"BatchSize must be at least 1; got {value}.");
            }

            field = value;
        }
    } = DefaultBatchSize;

    /// <summary>
    /// Requests in flight at once; at least 1, default 1 (chunks sent one after another, in order).
    /// Ignored (treated as 1) when <see cref="IsSingleSession"/> is true, so the first chunk creates the
    /// session before the others join it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxParallelism
    {
        get;
        set
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxParallelism must be at least 1; got {value}.");
            }

            field = value;
        }
    } = 1;

    /// <summary>
    /// Sent as <c>is_single_session</c> with every chunk: all events belong to one session. When the
    /// events span more than one chunk and <see cref="SessionProperties"/> has no session id, the
    /// batcher picks one (a UUID) for this call so every chunk joins the same session; it is reported in
    /// <see cref="BatchResult.SessionId"/>.
    /// </summary>
    public bool? IsSingleSession { get; set; }

    /// <summary>Sent as <c>session_properties</c> with every chunk. The batcher never changes this object.</summary>
    public SessionProperties? SessionProperties { get; set; }

    /// <summary>Told after each chunk is answered how many events are done, created and failed; called on the
    /// thread that finished the chunk (with <see cref="MaxParallelism"/> above 1, from several threads).</summary>
    public IProgress<BatchProgress>? Progress { get; set; }
}
