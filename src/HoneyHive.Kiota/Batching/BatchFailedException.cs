using System.Text;
using HoneyHive.Kiota.Errors;

namespace HoneyHive.Kiota.Batching;

/// <summary>Some events of a batch were not created; <see cref="FailedEventIds"/> lists them.</summary>
public sealed class BatchFailedException : HoneyHiveApiException
{
    // Enough to see the pattern; the full list is in FailedEventIds and Result.
    private const int IdsInMessage = 20;

    internal BatchFailedException(BatchResult result)
        : base(Describe(result ?? throw new ArgumentNullException(nameof(result))))
    {
        Result = result;
        FailedEventIds = result.Outcomes.Where(o => o.Status != BatchEventStatus.Created).Select(o => o.EventId).ToList();
    }

    /// <summary>The full result, created events included.</summary>
    public BatchResult Result { get; }

    /// <summary>The ids of every event that was not created, in input order.</summary>
    public IReadOnlyList<string> FailedEventIds { get; }

    private static string Describe(BatchResult result)
    {
        var notCreated = result.Outcomes.Where(o => o.Status != BatchEventStatus.Created).ToList();
        var message = new StringBuilder()
            .Append(notCreated.Count).Append(" of ").Append(result.TotalCount).Append(" events were not created: ");
        message.AppendJoin("; ", notCreated.Take(IdsInMessage).Select(o => $"{o.EventId} ({o.Error ?? o.Status.ToString()})"));
        if (notCreated.Count > IdsInMessage)
        {
            message.Append("; and ").Append(notCreated.Count - IdsInMessage).Append(" more (see FailedEventIds)");
        }

        return message.Append('.').ToString();
    }
}
