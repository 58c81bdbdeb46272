using System.Buffers;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// Where <see cref="HoneyHiveJsonSerializationWriter"/> writes: one rented array that doubles as it fills, handed
/// over whole as the request body's stream, which gives the array back when it is disposed.
/// </summary>
/// <remarks>A batch body is up to 4 MiB: renting keeps it off the large-object heap on every send, as the pooled
/// stream Kiota's writer uses does.</remarks>
internal sealed class PooledJsonBuffer : IBufferWriter<byte>, IDisposable
{
    private const int InitialSize = 4096;

    private byte[]? _array = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int _written;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Owned.Length - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Grow(sizeHint).AsMemory(_written);

    public Span<byte> GetSpan(int sizeHint = 0) => Grow(sizeHint).AsSpan(_written);

    /// <summary>The bytes written, as a read-only stream that owns the array from now on.</summary>
    public MemoryStream Detach()
    {
        var content = new RentedArrayStream(Owned, _written);
        _array = null;
        return content;
    }

    public void Dispose()
    {
        if (_array is { } array)
        {
            _array = null;
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private byte[] Owned => _array ?? throw new InvalidOperationException("The writer's content was handed out with GetSerializedContent; nothing more can be written to it.");

    private byte[] Grow(int sizeHint)
    {
        var array = Owned;
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= array.Length)
        {
            return array;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, checked(array.Length * 2)));
        array.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(array);
        _array = larger;
        return larger;
    }

    // Publicly visible, so a caller can decode it in place with TryGetBuffer (QueryJson does).
    private sealed class RentedArrayStream(byte[] array, int length)
        : MemoryStream(array, 0, length, writable: false, publiclyVisible: true)
    {
        private byte[]? _array = array;

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Interlocked.Exchange(ref _array, null) is { } rented)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
