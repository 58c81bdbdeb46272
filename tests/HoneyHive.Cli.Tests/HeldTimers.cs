namespace HoneyHive.Cli.Tests;

/// <summary>
/// The fake server's clock for its injected latency: every timer waits until the test releases it, so a
/// test can count the requests the server is holding at once without timing anything. Time itself is real.
/// </summary>
internal sealed class HeldTimers : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<(TimerCallback Callback, object? State)> _pending = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private bool _released;

    /// <summary>The most timers that were waiting at once.</summary>
    public int MaxPending { get; private set; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            if (_released)
            {
                ThreadPool.QueueUserWorkItem(_ => callback(state));
            }
            else
            {
                _pending.Add((callback, state));
                MaxPending = Math.Max(MaxPending, _pending.Count);
                foreach (var waiter in _waiters.Where(w => _pending.Count >= w.Count).ToList())
                {
                    waiter.Signal.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }

        return new InertTimer();
    }

    /// <summary>Completes when <paramref name="count"/> timers are waiting at once.</summary>
    public Task WhenPending(int count)
    {
        lock (_lock)
        {
            if (_pending.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    /// <summary>Fires the waiting timers and, from now on, every new one at once.</summary>
    public void ReleaseAll()
    {
        lock (_lock)
        {
            _released = true;
            foreach (var (callback, state) in _pending)
            {
                ThreadPool.QueueUserWorkItem(_ => callback(state));
            }

            _pending.Clear();
        }
    }

    /// <summary>Fires the waiting timers; later ones wait again.</summary>
    public void ReleasePending()
    {
        lock (_lock)
        {
            foreach (var (callback, state) in _pending)
            {
                ThreadPool.QueueUserWorkItem(_ => callback(state));
            }

            _pending.Clear();
        }
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
