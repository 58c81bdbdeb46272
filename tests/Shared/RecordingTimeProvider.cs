using System.Collections.Concurrent;

namespace HoneyHive.Kiota.TestSupport;

/// <summary>
/// A clock for retry tests: short timers (the retry waits) fire at once and are recorded, so tests
/// assert the waits without sleeping; long ones (the per-attempt timeouts) never fire.
/// </summary>
internal sealed class RecordingTimeProvider(TimeSpan? fireAtOnceUpTo = null) : TimeProvider
{
    private readonly TimeSpan _fireAtOnceUpTo = fireAtOnceUpTo ?? TimeSpan.FromMinutes(10);
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public DateTimeOffset Now { get; set; } = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The due times of the timers that fired, in creation order.</summary>
    public IReadOnlyList<TimeSpan> Delays => [.. _delays];

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime <= _fireAtOnceUpTo)
        {
            _delays.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
