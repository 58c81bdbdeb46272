using HoneyHive.Kiota.Batching;

namespace HoneyHive.Cli.Output;

/// <summary>A batch's progress, reported on the spot (<see cref="Progress{T}"/> would post it to the thread pool,
/// out of order).</summary>
internal sealed class BatchProgressTo(ProgressReporter reporter) : IProgress<BatchProgress>
{
    private readonly Lock _lock = new();

    public void Report(BatchProgress value)
    {
        lock (_lock)
        {
            reporter.Report(value.Done, value.Total);
        }
    }
}
