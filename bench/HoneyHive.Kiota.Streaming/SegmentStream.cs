namespace HoneyHive.Kiota.Streaming;

/// <summary>A forward-only read stream over a sequence of memory segments, copying nothing in advance.</summary>
internal sealed class SegmentStream(IEnumerable<ReadOnlyMemory<byte>> segments) : Stream
{
    private readonly IEnumerator<ReadOnlyMemory<byte>> _segments = segments.GetEnumerator();
    private ReadOnlyMemory<byte> _current;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_current.IsEmpty)
        {
            if (!_segments.MoveNext())
            {
                return 0;
            }

            _current = _segments.Current;
        }

        var n = Math.Min(buffer.Length, _current.Length);
        _current.Span[..n].CopyTo(buffer);
        _current = _current[n..];
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _segments.Dispose();
        }

        base.Dispose(disposing);
    }
}
