using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.Batching;

/// <summary>
/// Splits events into runs that each make one POST /events/batch request within the event-count and
/// byte budgets, and sets aside the events too large for any request and those that cannot be written as JSON.
/// </summary>
/// <remarks>
/// Sizes are measured by writing each event with the client's own writer, the one that writes the
/// request: the budget holds for the bytes actually sent, not for an estimate. That is one extra write
/// per event, small beside the network time of the request it protects.
/// </remarks>
internal static class BatchChunker
{
    /// <summary>The chunks, in input order, the positions of events that fit no request, and of events the writer
    /// refuses (each with its <see cref="EventNotWritableException"/>).</summary>
    public static (List<BatchChunk> Chunks, List<(int Index, long RequestBytes)> TooLarge, List<(int Index, EventNotWritableException Error)> NotWritable) Plan(
        IReadOnlyList<CreateEventRequest> events, int batchSize, int maxBatchBytes, BatchEventsRequest envelope)
    {
        // The body without events: {"events":[], ...the session settings}. Each event adds its own JSON and,
        // after the first, a comma.
        var envelopeBytes = JsonSize(envelope);
        var chunks = new List<BatchChunk>();
        var tooLarge = new List<(int, long)>();
        var notWritable = new List<(int, EventNotWritableException)>();
        List<CreateEventRequest>? members = null;
        var start = 0;
        long bytes = 0;
        for (var i = 0; i < events.Count; i++)
        {
            // Measuring writes the event: one the writer refuses is set aside here, alone, and never sent.
            long size;
            try
            {
                size = JsonSize(events[i]);
            }
            catch (Exception ex) when (IsRefusal(ex))
            {
                Close();
                notWritable.Add((i, NotWritable(events[i], ex)));
                continue;
            }

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
        return (chunks, tooLarge, notWritable);

        void Close()
        {
            if (members is not null)
            {
                chunks.Add(new BatchChunk(chunks.Count, start, members));
                members = null;
            }
        }
    }

    // What System.Text.Json's writer and Kiota's throw for a value they cannot write: a non-finite number (the
    // client's writer names the field), nesting deeper than the writer allows, a type Kiota cannot write.
    private static bool IsRefusal(Exception exception) =>
        exception is ArgumentException or InvalidOperationException or NotSupportedException;

    private static EventNotWritableException NotWritable(CreateEventRequest evt, Exception exception) =>
        exception is UnwritableValueException refused
            ? new EventNotWritableException(evt.EventId!, refused.Path, refused.Reason, refused)
            : new EventNotWritableException(evt.EventId!, null, exception.Message, exception);

    /// <summary>The size of <paramref name="value"/> written as JSON by the client's writer.</summary>
    public static long JsonSize(IParsable value)
    {
        using var writer = new HoneyHiveJsonSerializationWriter();
        writer.WriteObjectValue(null, value);
        using var content = writer.GetSerializedContent();
        return content.Length;
    }
}
