using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace HoneyHive.Kiota.Streaming;

/// <summary>
/// The body of one export page, written from the <see cref="PageTemplate"/> on demand: its first
/// <c>count</c> events, each <c>event_id</c> with its first UUID group replaced by the page number
/// (so every event of the export has its own id and consecutive pages differ, as the pager checks),
/// then <c>],"totalEvents":N}</c>.
/// </summary>
/// <remarks>
/// Nothing is allocated per page beyond this object: the bytes go straight from the template to
/// whatever stream reads the content (the client's buffer, or <see cref="Stream.Null"/>).
/// </remarks>
internal sealed class SynthesizedPageContent : HttpContent
{
    private readonly PageTemplate _template;
    private readonly int _count;
    private readonly byte[] _idPrefix;
    private readonly byte[] _tail;

    public SynthesizedPageContent(PageTemplate template, int page, int count, long totalEvents)
    {
        _template = template;
        _count = count;
        _idPrefix = Encoding.ASCII.GetBytes(page.ToString("x8", CultureInfo.InvariantCulture));
        _tail = Encoding.ASCII.GetBytes("],\"totalEvents\":" + totalEvents.ToString(CultureInfo.InvariantCulture) + "}");
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    private int EventsLength => _count == 0 ? PageTemplate.HeaderLength : _template.EventEnds[_count - 1];

    protected override bool TryComputeLength(out long length)
    {
        // Overwriting id prefixes keeps every length, so the page is exactly the template's prefix plus the tail.
        length = EventsLength + _tail.Length;
        return true;
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        Write(stream);

    // The template is in memory, so there is nothing to wait for; the target is usually a MemoryStream.
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(stream);
        return Task.CompletedTask;
    }

    // Read like a network response: HttpContent's default read stream would first buffer the whole
    // page into one exact-size array, 17 MiB of large-object garbage per page that a socket never
    // produces, and the client run would be measuring that.
    protected override Task<Stream> CreateContentReadStreamAsync() =>
        Task.FromResult<Stream>(new SegmentStream(Segments()));

    private IEnumerable<ReadOnlyMemory<byte>> Segments()
    {
        var position = 0;
        for (var i = 0; i < _count; i++)
        {
            var id = _template.IdOffsets[i];
            yield return _template.Bytes[position..id];
            yield return _idPrefix;
            position = id + PageTemplate.IdPrefixLength;
        }

        yield return _template.Bytes[position..EventsLength];
        yield return _tail;
    }

    private void Write(Stream stream)
    {
        var bytes = _template.Bytes.Span;
        var position = 0;
        for (var i = 0; i < _count; i++)
        {
            var id = _template.IdOffsets[i];
            stream.Write(bytes[position..id]);
            stream.Write(_idPrefix);
            position = id + PageTemplate.IdPrefixLength;
        }

        stream.Write(bytes[position..EventsLength]);
        stream.Write(_tail);
    }
}
