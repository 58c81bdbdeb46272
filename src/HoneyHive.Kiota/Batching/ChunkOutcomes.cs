using HoneyHive.Kiota.Models;
using Microsoft.Kiota.Abstractions;

namespace HoneyHive.Kiota.Batching;

/// <summary>Turns one chunk's answer (success, partial failure, or exception) into per-event outcomes.</summary>
internal static class ChunkOutcomes
{
    /// <summary>HTTP 200. <c>success: false</c> is read like a partial failure without errors.</summary>
    public static void FromResponse(BatchChunk chunk, BatchEventsResponse? response, BatchEventOutcome?[] outcomes)
    {
        if (response?.Success == false)
        {
            FromPartialFailure(chunk, response.EventIds, errors: null, response.SessionId,
                "The server answered success = false without listing this event as created.", outcomes);
            return;
        }

        // A 200 means the whole request was accepted; the ids are the ones we sent.
        for (var i = 0; i < chunk.Events.Count; i++)
        {
            outcomes[chunk.Start + i] = new BatchEventOutcome(chunk.Start + i, chunk.Events[i], BatchEventStatus.Created, null, null, response?.SessionId);
        }
    }

    /// <summary>
    /// HTTP 500 with <c>{event_ids, errors}</c>: listed events are created; each other event gets the
    /// first unclaimed error that mentions its id, else the next unclaimed error in order, else
    /// <paramref name="genericReason"/>.
    /// </summary>
    public static void FromPartialFailure(
        BatchChunk chunk,
        IReadOnlyCollection<string>? createdIds,
        IReadOnlyList<string>? errors,
        string? sessionId,
        string genericReason,
        BatchEventOutcome?[] outcomes)
    {
        var created = new HashSet<string>(createdIds ?? [], StringComparer.Ordinal);
        var errorTexts = errors ?? [];
        var claimed = new bool[errorTexts.Count];
        var failed = new List<int>();
        var reasons = new Dictionary<int, string>();

        for (var i = 0; i < chunk.Events.Count; i++)
        {
            if (created.Contains(chunk.Events[i].EventId!))
            {
                outcomes[chunk.Start + i] = new BatchEventOutcome(chunk.Start + i, chunk.Events[i], BatchEventStatus.Created, null, null, sessionId);
            }
            else
            {
                failed.Add(i);
            }
        }

        // First pass: an error naming the event is the best attribution.
        foreach (var i in failed)
        {
            var id = chunk.Events[i].EventId!;
            for (var e = 0; e < errorTexts.Count; e++)
            {
                if (!claimed[e] && errorTexts[e] is { } text && text.Contains(id, StringComparison.Ordinal))
                {
                    claimed[e] = true;
                    reasons[i] = text;
                    break;
                }
            }
        }

        // Second pass: the server's errors are per failed event, in order; hand out what is left.
        var next = 0;
        foreach (var i in failed)
        {
            if (reasons.ContainsKey(i)) continue;
            while (next < errorTexts.Count && (claimed[next] || string.IsNullOrWhiteSpace(errorTexts[next]))) next++;
            if (next < errorTexts.Count)
            {
                claimed[next] = true;
                reasons[i] = errorTexts[next];
            }
        }

        foreach (var i in failed)
        {
            outcomes[chunk.Start + i] = new BatchEventOutcome(
                chunk.Start + i, chunk.Events[i], BatchEventStatus.Failed, reasons.GetValueOrDefault(i, genericReason), null, sessionId);
        }
    }

    /// <summary>The request failed as a whole (after any retries): every event of the chunk failed.</summary>
    public static void FromException(BatchChunk chunk, Exception exception, BatchEventOutcome?[] outcomes)
    {
        var reason = exception is ApiException { ResponseStatusCode: > 0 } api
            ? $"HTTP {api.ResponseStatusCode}: {exception.Message}"
            : exception.Message;
        for (var i = 0; i < chunk.Events.Count; i++)
        {
            outcomes[chunk.Start + i] = new BatchEventOutcome(chunk.Start + i, chunk.Events[i], BatchEventStatus.Failed, reason, exception, null);
        }
    }

    /// <summary>Events with no outcome yet when the batch was cancelled.</summary>
    public static void FillCanceled(IReadOnlyList<CreateEventRequest> events, BatchEventOutcome?[] outcomes)
    {
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] ??= new BatchEventOutcome(i, events[i], BatchEventStatus.Canceled, "The batch was cancelled before this event's outcome was known.", null, null);
        }
    }
}
