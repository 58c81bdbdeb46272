namespace HoneyHive.Kiota.Batching;

/// <summary>
/// A batch was cancelled. It is an <see cref="OperationCanceledException"/>, so cancellation handling
/// keeps working, and it carries what was known when it stopped: events already created or failed,
/// and the rest as <see cref="BatchEventStatus.Canceled"/>.
/// </summary>
public sealed class BatchCanceledException : OperationCanceledException
{
    internal BatchCanceledException(BatchResult result, Exception? innerException, CancellationToken cancellationToken)
        : base(
            $"The batch was cancelled: {(result ?? throw new ArgumentNullException(nameof(result))).CreatedCount} created, "
            + $"{result.FailedCount} failed, {result.Canceled.Count} not sent or interrupted (of {result.TotalCount}).",
            innerException,
            cancellationToken)
    {
        Result = result;
    }

    /// <summary>The outcomes known when the batch stopped; created + failed + canceled = total.</summary>
    public BatchResult Result { get; }
}
