using System.Globalization;
using System.Text;

namespace HoneyHive.Kiota.Testing.Hosting;

/// <summary>Reads HTTP/1.1 requests off a connection: the head, then a Content-Length or chunked body.</summary>
/// <remarks>What a test server needs and no more: no pipelining beyond what the buffer holds, no 100-continue.</remarks>
internal sealed class RawRequestReader(Stream stream)
{
    private const int MaxHeadBytes = 64 * 1024;

    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next request's head, or null when the client closed the connection between requests.</summary>
    /// <exception cref="IOException">The connection ended inside a head, or the head is malformed or too large.</exception>
    public async Task<RawRequestHead?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var text = Encoding.Latin1.GetString(_buffer, _start, end);
                _start += end + 4;
                return Parse(text);
            }

            if (_end - _start >= MaxHeadBytes)
            {
                throw new IOException("The request head is larger than 64 KiB.");
            }

            if (await FillAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return _end == _start ? null : throw new IOException("The connection ended inside a request head.");
            }
        }
    }

    /// <summary>The request body, or its first <paramref name="limit"/> bytes.</summary>
    /// <exception cref="IOException">The connection ended inside the body (unless the limit was reached first).</exception>
    public async Task<byte[]> ReadBodyAsync(RawRequestHead head, int? limit, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        if (head.Chunked)
        {
            while (limit is null || body.Length < limit)
            {
                var size = int.Parse(((await ReadLineAsync(cancellationToken).ConfigureAwait(false)).Split(';', 2)[0]).Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    // Trailers, then the empty line.
                    while ((await ReadLineAsync(cancellationToken).ConfigureAwait(false)).Length > 0)
                    {
                    }

                    break;
                }

                await CopyAsync(body, limit is { } max ? Math.Min(size, max - (int)body.Length) : size, cancellationToken).ConfigureAwait(false);
                if (limit is null || body.Length < limit)
                {
                    await ReadLineAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        else if (head.ContentLength is { } length)
        {
            await CopyAsync(body, (int)Math.Min(length, limit ?? long.MaxValue), cancellationToken).ConfigureAwait(false);
        }

        return body.ToArray();
    }

    private static RawRequestHead Parse(string text)
    {
        var lines = text.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3)
        {
            throw new IOException($"Malformed request line: {lines[0]}");
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new IOException($"Malformed header line: {line}");
            }

            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        return new RawRequestHead(requestLine[0], requestLine[1], requestLine[2], headers);
    }

    private async Task CopyAsync(MemoryStream body, int count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_end == _start && await FillAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new IOException("The connection ended inside a request body.");
            }

            var take = Math.Min(count, _end - _start);
            body.Write(_buffer, _start, take);
            _start += take;
            count -= take;
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (end >= 0)
            {
                var line = Encoding.Latin1.GetString(_buffer, _start, end);
                _start += end + 2;
                return line;
            }

            if (await FillAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new IOException("The connection ended inside a chunked body.");
            }
        }
    }

    // Moves what is unread to the front (growing the buffer when it is full of it), then reads more.
    private async Task<int> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read;
    }
}
