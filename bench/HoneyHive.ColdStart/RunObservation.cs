using System.Collections.Concurrent;

namespace HoneyHive.ColdStart;

/// <summary>What the server saw while one launched process was running.</summary>
/// <remarks>Runs are sequential, so everything arriving between BeginRun and EndRun belongs to one process.</remarks>
internal sealed class RunObservation
{
    private long _firstRequestTimestamp;
    private int _requests;
    private int _failedAnswers;

    /// <summary>Stopwatch timestamp of the first request bytes, or 0 if none arrived.</summary>
    public long FirstRequestTimestamp => Interlocked.Read(ref _firstRequestTimestamp);
    public int Requests => Volatile.Read(ref _requests);
    public int FailedAnswers => Volatile.Read(ref _failedAnswers);
    public ConcurrentQueue<string> Log { get; } = new();

    public void RequestStarted(long timestamp) => Interlocked.CompareExchange(ref _firstRequestTimestamp, timestamp, 0);

    public void Answered(string method, string path, int status)
    {
        Interlocked.Increment(ref _requests);
        if (status != 200) Interlocked.Increment(ref _failedAnswers);
        Log.Enqueue($"{method} {path} -> {status}");
    }
}
