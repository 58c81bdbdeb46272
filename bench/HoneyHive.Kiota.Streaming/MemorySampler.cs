using System.Diagnostics;

namespace HoneyHive.Kiota.Streaming;

/// <summary>
/// Samples the process's working set and the GC heap on a dedicated thread every few milliseconds
/// and keeps the peaks.
/// </summary>
/// <remarks>
/// A dedicated thread rather than a <see cref="Timer"/>: on a busy 2-core machine thread-pool timer
/// callbacks queue behind the work being measured and would miss the peaks. The GC heap peak is the
/// larger of the sampled <see cref="GC.GetTotalMemory(bool)"/> (live objects plus garbage not yet
/// collected) and, for every collection seen, the heap's size just before it (the sum of
/// <see cref="GCGenerationInfo.SizeBeforeBytes"/>): that is where a heap peaks, and it is recorded
/// by the GC itself, so it is exact even when no sample falls at the moment.
/// </remarks>
internal sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private readonly TimeSpan _interval;
    private volatile bool _stop;
    private long _lastGcIndex;

    public MemorySampler(TimeSpan interval)
    {
        _interval = interval;
        // Collections before sampling started (the setup's) are not part of the measurement.
        _lastGcIndex = GC.GetGCMemoryInfo(GCKind.Any).Index;
        Sample();
        _thread = new Thread(Loop) { IsBackground = true, Name = "memory sampler", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    public long PeakWorkingSet { get; private set; }

    public long PeakGcHeap { get; private set; }

    public long PeakGcCommitted { get; private set; }

    public int Samples { get; private set; }

    /// <summary>Stops sampling after one last sample; the peaks are final afterwards.</summary>
    public void Dispose()
    {
        _stop = true;
        _thread.Join();
        Sample();
    }

    private void Loop()
    {
        while (!_stop)
        {
            Sample();
            Thread.Sleep(_interval);
        }
    }

    private void Sample()
    {
        Samples++;
        PeakWorkingSet = Math.Max(PeakWorkingSet, Environment.WorkingSet);
        PeakGcHeap = Math.Max(PeakGcHeap, GC.GetTotalMemory(forceFullCollection: false));
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        PeakGcCommitted = Math.Max(PeakGcCommitted, info.TotalCommittedBytes);
        if (info.Index != _lastGcIndex)
        {
            _lastGcIndex = info.Index;
            long before = 0;
            foreach (var generation in info.GenerationInfo)
            {
                before += generation.SizeBeforeBytes;
            }

            PeakGcHeap = Math.Max(PeakGcHeap, before);
        }
    }
}
