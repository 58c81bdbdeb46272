using System.Text;

namespace HoneyHive.ColdStart;

/// <summary>A parsed HTTP/1.1 request head.</summary>
internal sealed record HttpRequestHead(string Method, string Target, IReadOnlyDictionary<string, string> Headers, long FirstByteTimestamp)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    public string Path => Target.Split('?', 2)[0];
    public string Query => Target.Contains('?') ? Target.Split('?', 2)[1] : "";
}

/// <summary>
/// Just enough HTTP/1.1 request parsing for a canned loopback server: head, Content-Length or
/// chunked body, keep-alive. Hand-rolled (not HttpListener/ASP.NET) so the server notes the
/// exact moment a request's first bytes arrive and adds no framework start-up of its own.
/// </summary>
internal sealed class HttpRequestReader(Stream stream)
{
    private const int MaxHeadBytes = 64 * 1024;
    private const long MaxBodyBytes = 64L * 1024 * 1024;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>Reads the next request head, or null when the peer closed the connection.</summary>
    public async Task<HttpRequestHead?> ReadHeadAsync(CancellationToken ct)
    {
        var firstByte = 0L;
        if (_start < _end) firstByte = System.Diagnostics.Stopwatch.GetTimestamp(); // pipelined bytes already here
        var head = new List<string>();
        var line = new StringBuilder();
        var total = 0;
        while (true)
        {
            if (_start == _end)
            {
                if (!await FillAsync(ct)) return null;
                if (firstByte == 0) firstByte = System.Diagnostics.Stopwatch.GetTimestamp();
            }
            var b = _buffer[_start++];
            if (++total > MaxHeadBytes) throw new InvalidDataException("request head too large");
            if (b == '\n')
            {
                var text = line.ToString().TrimEnd('\r');
                line.Clear();
                if (text.Length == 0)
                {
                    if (head.Count == 0) continue; // tolerate stray CRLF between requests
                    break;
                }
                head.Add(text);
            }
            else
            {
                line.Append((char)b);
            }
        }

        var requestLine = head[0].Split(' ');
        if (requestLine.Length < 3) throw new InvalidDataException("bad request line");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in head.Skip(1))
        {
            var colon = header.IndexOf(':');
            if (colon > 0) headers[header[..colon].Trim()] = header[(colon + 1)..].Trim();
        }
        return new HttpRequestHead(requestLine[0], requestLine[1], headers, firstByte);
    }

    /// <summary>Reads and discards the body the head announced; returns its length.</summary>
    public async Task<long> SkipBodyAsync(HttpRequestHead head, CancellationToken ct)
    {
        if (string.Equals(head.Header("Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase))
        {
            long total = 0;
            while (true)
            {
                var sizeLine = await ReadLineAsync(ct);
                var size = Convert.ToInt64(sizeLine.Split(';')[0].Trim(), 16);
                if (size == 0)
                {
                    while ((await ReadLineAsync(ct)).Length > 0) { } // trailers, then the empty line
                    return total;
                }
                total += size;
                if (total > MaxBodyBytes) throw new InvalidDataException("body too large");
                await SkipAsync(size, ct);
                await ReadLineAsync(ct); // CRLF after each chunk
            }
        }
        var length = long.TryParse(head.Header("Content-Length"), out var n) ? n : 0;
        if (length is < 0 or > MaxBodyBytes) throw new InvalidDataException("bad Content-Length");
        await SkipAsync(length, ct);
        return length;
    }

    private async Task SkipAsync(long count, CancellationToken ct)
    {
        while (count > 0)
        {
            if (_start == _end && !await FillAsync(ct)) throw new EndOfStreamException();
            var take = (int)Math.Min(count, _end - _start);
            _start += take;
            count -= take;
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken ct)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && !await FillAsync(ct)) throw new EndOfStreamException();
            var b = _buffer[_start++];
            if (b == '\n') return line.ToString().TrimEnd('\r');
            if (line.Length > 1024) throw new InvalidDataException("line too long");
            line.Append((char)b);
        }
    }

    private async Task<bool> FillAsync(CancellationToken ct)
    {
        _start = 0;
        _end = await stream.ReadAsync(_buffer, ct);
        return _end > 0;
    }
}
