namespace HoneyHive.Kiota.Batching;

/// <summary>
/// The outcome of every event given to <see cref="EventBatcher"/>, in input order: no event is left out.
/// </summary>
public sealed class BatchResult
{
    internal BatchResult(IReadOnlyList<BatchEventOutcome> outcomes, string? sessionId)
    {
        Outcomes = outcomes;
        SessionId = sessionId;
        Created = outcomes.Where(o => o.Status == BatchEventStatus.Created).ToList();
        Failed = outcomes.Where(o => o.Status == BatchEventStatus.Failed).ToList();
        Canceled = outcomes.Where(o => o.Status == BatchEventStatus.Canceled).ToList();
    }

    /// <summary>One outcome per input event, in input order (<see cref="BatchEventOutcome.Index"/> == position).</summary>
    public IReadOnlyList<BatchEventOutcome> Outcomes { get; }

    /// <summary>The events the server created.</summary>
    public IReadOnlyList<BatchEventOutcome> Created { get; }

    /// <summary>The events the server did not create, each with the reason.</summary>
    public IReadOnlyList<BatchEventOutcome> Failed { get; }

    /// <summary>The events whose outcome is unknown because the batch was cancelled (only in a
    /// <see cref="BatchCanceledException"/>'s result).</summary>
    public IReadOnlyList<BatchEventOutcome> Canceled { get; }

    /// <summary>The number of input events.</summary>
    public int TotalCount => Outcomes.Count;

    /// <summary>The number of created events.</summary>
    public int CreatedCount => Created.Count;

    /// <summary>The number of failed events.</summary>
    public int FailedCount => Failed.Count;

    /// <summary>Whether every event was created.</summary>
    public bool IsSuccess => CreatedCount == TotalCount;

    /// <summary>The session all events were sent to, when <see cref="BatchOptions.IsSingleSession"/> was set
    /// and the id was known (given in the session properties, picked by the batcher, or answered by the server).</summary>
    public string? SessionId { get; }

    /// <summary>Throws when any event was not created.</summary>
    /// <returns>This result, for chaining.</returns>
    /// <exception cref="BatchFailedException">At least one event was not created; the exception lists their ids.</exception>
    public BatchResult EnsureSuccess() => IsSuccess ? this : throw new BatchFailedException(this);

    /// <summary>The counts, for logs: <c>BatchResult { 1000 events: 998 created, 2 failed, 0 canceled; session s1 }</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{nameof(BatchResult)} {{ {TotalCount} events: {CreatedCount} created, {FailedCount} failed, {Canceled.Count} canceled{(SessionId is null ? string.Empty : "; session " + SessionId)} }}");
}
