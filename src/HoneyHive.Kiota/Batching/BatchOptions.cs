using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Batching;

/// <summary>How <see cref="EventBatcher"/> splits and sends events.</summary>
public sealed class BatchOptions
{
    /// <summary>Events per request when none is set.</summary>
    public const int DefaultBatchSize = 500;

    /// <summary>
    /// The request-size budget when none is set: 4 MiB (4,194,304 bytes) of JSON, under the 5 MB at which
    /// HoneyHive answers "Payload too large".
    /// </summary>
    public const int DefaultMaxBatchBytes = 4 * 1024 * 1024;

    /// <summary>The smallest budget accepted: room for the request's envelope and a small event.</summary>
    public const int MinMaxBatchBytes = 1024;

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
    /// The largest request body, in bytes of JSON, a chunk may make; default <see cref="DefaultMaxBatchBytes"/>.
    /// A chunk closes at <see cref="BatchSize"/> events or at this budget, whichever comes first. An event too
    /// large to fit a request on its own is reported failed with an <see cref="EventTooLargeException"/> and
    /// never sent.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than <see cref="MinMaxBatchBytes"/>.</exception>
    public int MaxBatchBytes
    {
        get;
        set
        {
            if (value < MinMaxBatchBytes)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxBatchBytes must be at least {MinMaxBatchBytes}; got {value}.");
            }

            field = value;
        }
    } = DefaultMaxBatchBytes;

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
