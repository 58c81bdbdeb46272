using System.Buffers;
using System.Text.Unicode;
using HoneyHive.Kiota.Errors;

namespace HoneyHive.Kiota.Serialization;

/// <summary>The pool response bodies are read into, and the checks every JSON body passes.</summary>
/// <remarks>
/// Not <see cref="ArrayPool{T}.Shared"/>: it keeps arrays per thread and per core, and a paginated export
/// whose continuations hop between thread-pool threads left a 32 MiB page buffer parked on each of them.
/// A pool of our own keeps at most a few page-sized arrays for the whole process. Every rental goes through
/// <see cref="Rent"/> and <see cref="Return"/>, so a <see cref="BufferRentalLedger"/> can count them.
/// </remarks>
internal static class BodyBufferPool
{
    // The largest body the pool keeps arrays for (1 GiB, far above any page), and how many arrays of each size it
    // keeps: a few, so an idle process does not sit on page-sized arrays; a parallel export that holds more (N + 1)
    // is served the rest from larger sizes or new arrays.
    private const int LargestPooledBody = 1 << 30;
    private const int ArraysPerSize = 4;

    // A body without a Content-Length starts here and doubles.
    private const int UnknownLengthStart = 64 * 1024;

    private static readonly ArrayPool<byte> Instance = ArrayPool<byte>.Create(LargestPooledBody, ArraysPerSize);

    // Null outside tests: one read of an async local per rental, which is per response, not per byte.
    private static readonly AsyncLocal<BufferRentalLedger?> Ledger = new();

    // RFC 8259 lets a reader ignore a byte order mark, and some proxies and Windows-hosted gateways add one.
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Counts the rentals made from here on by this async flow and the tasks it starts (for tests).</summary>
    public static BufferRentalLedger StartLedger()
    {
        var ledger = new BufferRentalLedger();
        Ledger.Value = ledger;
        return ledger;
    }

    public static byte[] Rent(int minimumLength)
    {
        var buffer = Instance.Rent(minimumLength);
        Ledger.Value?.Rented(buffer);
        return buffer;
    }

    public static void Return(byte[] buffer)
    {
        // Counted before the pool has it back, when no other rental can be handed the same array.
        Ledger.Value?.Returned(buffer);
        Instance.Return(buffer);
    }

    /// <summary>Reads <paramref name="content"/> to its end into a rental: exact-size for a stream that
    /// knows its length, doubling (and returning the smaller rental) otherwise.</summary>
    /// <returns>The rental, to be given back with <see cref="Return"/>, and how many bytes it holds.</returns>
    /// <exception cref="ResponseBodyCutException">The stream failed part-way (the connection closed or was reset).</exception>
    public static async Task<(byte[] Buffer, int Length)> ReadAllAsync(Stream content, long? knownLength, CancellationToken cancellationToken)
    {
        var capacity = knownLength is > 0 and < int.MaxValue ? (int)knownLength + 1 : UnknownLengthStart;
        var buffer = Rent(capacity);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    Return(buffer);
                    buffer = larger;
                }

                int read;
                try
                {
                    read = await content.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                }
                catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new ResponseBodyCutException(length, knownLength, ex);
                }

                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            Return(buffer);
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
