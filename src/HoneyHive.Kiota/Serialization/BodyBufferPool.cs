using System.Buffers;
using System.Text.Unicode;
using HoneyHive.Kiota.Errors;

namespace HoneyHive.Kiota.Serialization;

/// <summary>The pool response bodies are read into, and the checks every JSON body passes.</summary>
/// <remarks>
/// Not <see cref="ArrayPool{T}.Shared"/>: it keeps arrays per thread and per core, and a paginated export
/// whose continuations hop between thread-pool threads left a 32 MiB page buffer parked on each of them.
/// A pool of our own keeps at most a few page-sized arrays for the whole process.
/// </remarks>
internal static class BodyBufferPool
{
    public static ArrayPool<byte> Instance { get; } = ArrayPool<byte>.Create(maxArrayLength: 1 << 30, maxArraysPerBucket: 4);

    // RFC 8259 lets a reader ignore a byte order mark, and some proxies and Windows-hosted gateways add one.
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads <paramref name="content"/> to its end into a rental: exact-size for a stream that
    /// knows its length, doubling (and returning the smaller rental) otherwise.</summary>
    /// <returns>The rental, to be returned to <see cref="Instance"/>, and how many bytes it holds.</returns>
    public static async Task<(byte[] Buffer, int Length)> ReadAllAsync(Stream content, long? knownLength, CancellationToken cancellationToken)
    {
        var capacity = knownLength is > 0 and < int.MaxValue ? (int)knownLength + 1 : 64 * 1024;
        var buffer = Instance.Rent(capacity);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = Instance.Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    Instance.Return(buffer);
                    buffer = larger;
                }

                var read = await content.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            Instance.Return(buffer);
            throw;
        }
    }

    /// <summary>The JSON text of a body: without a byte order mark, never empty, valid UTF-8.</summary>
    public static ReadOnlyMemory<byte> JsonText(byte[] buffer, int length)
    {
        var start = buffer.AsSpan(0, length).StartsWith(Utf8ByteOrderMark) ? Utf8ByteOrderMark.Length : 0;
        var utf8Json = buffer.AsMemory(start, length - start);
        if (utf8Json.IsEmpty)
        {
            throw new HoneyHiveResponseFormatException("The response body is empty where JSON was expected.");
        }

        // JSON must be UTF-8 (RFC 8259). The parser only notices invalid bytes when a string is read, as
        // InvalidOperationException, maybe long after parsing; checking here (vectorized, cheap next to
        // parsing) makes a corrupt body one typed error up front.
        return Utf8.IsValid(utf8Json.Span)
            ? utf8Json
            : throw new HoneyHiveResponseFormatException("The response body is not valid UTF-8.");
    }
}
