namespace HoneyHive.Kiota.Benchmarks.Export;

/// <summary>
/// The most managed memory in use while something runs, sampled every millisecond on a thread of its own
/// (<see cref="GC.GetTotalMemory(bool)"/> without collecting: live objects and garbage not yet collected, as the
/// process holds them). BenchmarkDotNet reports allocations, not peaks; this is the peak.
/// </summary>
internal sealed class HeapPeakSampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peak;

    private HeapPeakSampler()
    {
        _peak = GC.GetTotalMemory(false);
        _thread = new Thread(Sample) { IsBackground = true, Name = "heap peak sampler" };
        _thread.Start();
    }

    /// <summary>The most bytes seen so far.</summary>
    public long Peak => Interlocked.Read(ref _peak);

    public static HeapPeakSampler Start() => new();

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Sample()
    {
        while (!_stop)
        {
            var now = GC.GetTotalMemory(false);
            if (now > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, now);
            }

            Thread.Sleep(1);
        }
    }
}
