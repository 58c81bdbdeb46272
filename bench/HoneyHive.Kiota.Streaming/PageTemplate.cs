using System.Buffers;
using System.Text.Json;
using HoneyHive.Bench.Shared;

namespace HoneyHive.Kiota.Streaming;

/// <summary>
/// One page's worth of distinct seed-shaped events, as the bytes of <c>{"events":[e0,e1,...</c>, with
/// where each event ends and where each <c>event_id</c> value starts, so any page of any size up to
/// <see cref="EventCount"/> can be written from it without building it again.
/// </summary>
/// <remarks>
/// Built from <see cref="EventPageFactory"/> in small chunks of different seeds and copied into one
/// buffer, so building it never holds more than the template and one chunk: the setup must not
/// leave a memory peak of its own that is larger than the client's, or it would hide the client's.
/// </remarks>
internal sealed class PageTemplate
{
    /// <summary>The bytes of <c>{"events":[</c>, the part every page starts with.</summary>
    public const int HeaderLength = 11;

    /// <summary>Length of the <c>event_id</c> prefix a page overwrites with its page number (the UUID's first group).</summary>
    public const int IdPrefixLength = 8;

    private const int ChunkEvents = 500;

    private PageTemplate(ReadOnlyMemory<byte> bytes, int[] eventEnds, int[] idOffsets)
    {
        Bytes = bytes;
        EventEnds = eventEnds;
        IdOffsets = idOffsets;
    }

    /// <summary><c>{"events":[</c> followed by the events, comma-separated, without the closing <c>]</c>.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>For event i, the offset just after its closing brace.</summary>
    public int[] EventEnds { get; }

    /// <summary>For event i, the offset of the first character of its <c>event_id</c> value.</summary>
    public int[] IdOffsets { get; }

    public int EventCount => EventEnds.Length;

    public static PageTemplate Create(int eventCount, int seed = 20240401)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(eventCount, 1);
        ArrayBufferWriter<byte>? buffer = null;
        for (var written = 0; written < eventCount; written += ChunkEvents)
        {
            var count = Math.Min(ChunkEvents, eventCount - written);
            var page = new EventPageFactory(seed + written).CreatePageJson(count);
            // The chunk is {"events":[...],"totalEvents":N}: keep what is between the brackets.
            var events = page.AsSpan(HeaderLength, page.AsSpan().LastIndexOf((byte)']') - HeaderLength);
            if (buffer is null)
            {
                // Sized from the first chunk with some slack, so the buffer does not double (and leave
                // a discarded half-size copy behind) on the way to its final size.
                buffer = new ArrayBufferWriter<byte>(HeaderLength + (int)(events.Length * 1.15 * eventCount / count));
                buffer.Write("{\"events\":["u8);
            }
            else
            {
                buffer.Write(","u8);
            }

            buffer.Write(events);
        }

        ArgumentNullException.ThrowIfNull(buffer);

        var (ends, ids) = Index(buffer.WrittenSpan, eventCount);
        return new PageTemplate(buffer.WrittenMemory, ends, ids);
    }

    // Event objects sit at depth 2 ({ "events": [ {...} ] }) and their own properties at depth 3.
    private static (int[] Ends, int[] Ids) Index(ReadOnlySpan<byte> template, int eventCount)
    {
        var ends = new int[eventCount];
        var ids = new int[eventCount];
        var found = 0;
        var reader = new Utf8JsonReader(template, isFinalBlock: false, state: default);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 3 && reader.ValueTextEquals("event_id"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length < IdPrefixLength)
                {
                    throw new InvalidOperationException($"Event {found} has no UUID event_id.");
                }

                ids[found] = (int)reader.TokenStartIndex + 1; // after the opening quote
            }
            else if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 2)
            {
                ends[found++] = (int)reader.BytesConsumed;
            }
        }

        return found == eventCount
            ? (ends, ids)
            : throw new InvalidOperationException($"The template holds {found} events, expected {eventCount}.");
    }
}
