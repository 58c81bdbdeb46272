namespace HoneyHive.Kiota.Ingestion;

/// <summary>
/// A <see cref="EventSink.FlushAsync"/> waiting for the queue to move past its position: every event
/// whose enqueue ticket is at most <see cref="Target"/> has been taken into a batch, evicted, or refused.
/// </summary>
/// <param name="target">The last ticket handed out when the flush was asked for.</param>
/// <param name="refusedBefore">Events refused at enqueue before the flush was asked for (all with tickets up to the
/// target); later refusals are counted with <see cref="CountRefused"/>.</param>
internal sealed class FlushRequest(long target, long refusedBefore)
{
    private long _refusedUpToTarget = refusedBefore;

    public long Target { get; } = target;

    /// <summary>Completed by the sink's worker with the sends the flush must wait for.</summary>
    public TaskCompletionSource<Task[]> Cut { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Events refused at enqueue with a ticket up to <see cref="Target"/>: they passed without entering the queue.</summary>
    public long RefusedUpToTarget => Volatile.Read(ref _refusedUpToTarget);

    public void CountRefused(long ticket)
    {
        if (ticket <= Target)
        {
            Interlocked.Increment(ref _refusedUpToTarget);
        }
    }
}
