using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.Batching;

/// <summary>
/// Splits events into runs that each make one POST /events/batch request within the event-count and
/// byte budgets, and sets aside the events too large for any request.
/// </summary>
/// <remarks>
/// Sizes are measured by writing each event with the client's own writer, the one that writes the
/// request: the budget holds for the bytes actually sent, not for an estimate. That is one extra write
/// per event, small beside the network time of the request it protects.
/// </remarks>
internal static class BatchChunker
{
    /// <summary>The chunks, in input order, and the positions of events that fit no request.</summary>
    public static (List<BatchChunk> Chunks, List<(int Index, long RequestBytes)> TooLarge) Plan(
        IReadOnlyList<CreateEventRequest> events, int batchSize, int maxBatchBytes, BatchEventsRequest envelope)
    {
        // The body without events: {"events":[], ...the session settings}. Each event adds its own JSON and,
        // after the first, a comma.
        var envelopeBytes = JsonSize(envelope);
        var chunks = new List<BatchChunk>();
        var tooLarge = new List<(int, long)>();
        List<CreateEventRequest>? members = null;
        var start = 0;
        long bytes = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var size = JsonSize(events[i]);
            if (envelopeBytes + size > maxBatchBytes)
            {
                // Its neighbours go in separate chunks: a chunk is a run of consecutive events.
                Close();
                tooLarge.Add((i, envelopeBytes + size));
                continue;
            }

            if (members is not null && (members.Count == batchSize || bytes + 1 + size > maxBatchBytes))
            {
                Close();
            }

            if (members is null)
            {
                members = new List<CreateEventRequest>(Math.Min(batchSize, events.Count - i));
                start = i;
                bytes = envelopeBytes + size;
            }
            else
            {
                bytes += 1 + size;
            }

            members.Add(events[i]);
        }

        Close();
        return (chunks, tooLarge);

        void Close()
        {
            if (members is not null)
            {
                chunks.Add(new BatchChunk(chunks.Count, start, members));
                members = null;
            }
        }
    }

    /// <summary>The size of <paramref name="value"/> written as JSON by the client's writer.</summary>
    public static long JsonSize(IParsable value)
    {
        using var writer = new HoneyHiveJsonSerializationWriter();
        writer.WriteObjectValue(null, value);
        using var content = writer.GetSerializedContent();
        return content.Length;
    }
}
