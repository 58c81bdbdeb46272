using System.Collections.Concurrent;

namespace HoneyHive.Kiota.EndToEnd.Tests.Support;

/// <summary>
/// A clock for the Retry-After tests: timers up to a minute (the retry waits) fire at once and are
/// recorded, so a test sees exactly how long the client chose to wait without sleeping; longer ones
/// (the per-attempt timeouts) never fire.
/// </summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    private static readonly TimeSpan FireAtOnceUpTo = TimeSpan.FromMinutes(1);
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public DateTimeOffset Now { get; set; } = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The due times of the timers that fired, in creation order.</summary>
    public IReadOnlyList<TimeSpan> Delays => [.. _delays];

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime <= FireAtOnceUpTo)
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
