using System.Buffers;
using System.Net;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Kiota.Http;

/// <summary>
/// A response body read completely into an <see cref="ArrayPool{T}"/> rental, returned when the response
/// is disposed.
/// </summary>
/// <remarks>
/// Not <see cref="HttpContent.LoadIntoBufferAsync()"/>: it allocates an exact-size array per response, and an
/// export page (17 MiB at the API's 7,500-event limit) would be large-object garbage on every page. The
/// pool's arrays are reused page after page.
/// </remarks>
internal sealed class PooledBufferContent : HttpContent
{
    private byte[]? _buffer;
    private readonly int _length;

    private PooledBufferContent(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>Reads <paramref name="original"/> to its end, then disposes it.</summary>
    public static async Task<PooledBufferContent> LoadAsync(HttpContent original, CancellationToken cancellationToken)
    {
        var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        (byte[] Buffer, int Length) body;
        await using (stream.ConfigureAwait(false))
        {
            body = await BodyBufferPool.ReadAllAsync(stream, original.Headers.ContentLength, cancellationToken).ConfigureAwait(false);
        }

        var (buffer, length) = body;
        var content = new PooledBufferContent(buffer, length);
        foreach (var header in original.Headers)
        {
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        original.Dispose();
        return content;
    }

    /// <summary>
    /// Hands the rental over: the caller now owns it (and returns it to <see cref="BodyBufferPool"/>), and this
    /// content is empty. A page reader scans the body where it lies instead of copying it into a second rental.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The buffer was returned or handed over already.</exception>
    public (byte[] Buffer, int Length) Detach() =>
        (Interlocked.Exchange(ref _buffer, null) ?? throw new ObjectDisposedException(nameof(PooledBufferContent)), _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Buffer, 0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Buffer.AsMemory(0, _length), cancellationToken).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() =>
        Task.FromResult<Stream>(new MemoryStream(Buffer, 0, _length, writable: false));

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            BodyBufferPool.Return(buffer);
        }

        base.Dispose(disposing);
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(PooledBufferContent));
}
