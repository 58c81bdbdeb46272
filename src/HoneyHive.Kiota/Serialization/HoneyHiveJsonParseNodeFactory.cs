using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using HoneyHive.Kiota.Errors;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// Parse node factory for <c>application/json</c> that reads a response once and hands out
/// <see cref="HoneyHiveJsonParseNode"/>s over it.
/// </summary>
/// <remarks>
/// Kiota's own factory parses the response and then clones the whole document so it can dispose the
/// original; that copy is as large as the response. Here the body is read into pooled memory and parsed
/// in place; filling the model copies only what the model keeps (free-form values, additional data),
/// and the body's memory then goes back to the pool for the next page (see <see cref="PooledBody"/>).
/// <para>A body that is empty or not valid JSON throws <see cref="HoneyHiveResponseFormatException"/>.</para>
/// </remarks>
public sealed class HoneyHiveJsonParseNodeFactory : IParseNodeFactory
{
    /// <summary>
    /// The deepest nesting a response may have. System.Text.Json's default of 64 would make one event with
    /// a deeply nested free-form <c>config</c> (a JSON schema, a nested trace) fail its whole page, and a
    /// pager could never get past that page. 256 keeps such events readable; nothing here recurses over
    /// free-form values, and Utf8JsonWriter (re-serializing) allows 1000. Deeper bodies are rejected with
    /// <see cref="HoneyHiveResponseFormatException"/>, as a bound against pathological input.
    /// </summary>
    public const int MaxDepth = 256;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    /// <inheritdoc />
    public string ValidContentType => "application/json";

    /// <inheritdoc />
    public async Task<IParseNode> GetRootParseNodeAsync(string contentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        ArgumentNullException.ThrowIfNull(content);
        if (!ValidContentType.Equals(contentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentOutOfRangeException(nameof(contentType), $"expected a {ValidContentType} content type");
        }

        var (buffer, length) = await ReadPooledAsync(content, cancellationToken).ConfigureAwait(false);
        var bodyOwnsBuffer = false;
        try
        {
            var start = buffer.AsSpan(0, length).StartsWith(Utf8ByteOrderMark) ? Utf8ByteOrderMark.Length : 0;
            var utf8Json = buffer.AsMemory(start, length - start);
            if (utf8Json.IsEmpty)
            {
                throw new HoneyHiveResponseFormatException("The response body is empty where JSON was expected.");
            }

            // JSON must be UTF-8 (RFC 8259). The parser only notices invalid bytes when a string is read,
            // as InvalidOperationException, maybe long after parsing; checking here (vectorized, cheap next
            // to parsing) makes a corrupt body one typed error up front.
            if (!Utf8.IsValid(utf8Json.Span))
            {
                throw new HoneyHiveResponseFormatException("The response body is not valid UTF-8.");
            }

            // The document reads the pooled buffer in place and rents its token table from the pool;
            // both go back when the root node has filled its model (see PooledBody).
            var document = JsonDocument.Parse(utf8Json, DocumentOptions);
            bodyOwnsBuffer = true;
            return new HoneyHiveJsonParseNode(document.RootElement, new PooledBody(document, buffer));
        }
        catch (JsonException ex)
        {
            // Truncated bodies (a dropped connection, a proxy cutting the stream) and non-JSON pages end
            // here; callers catch one typed exception instead of System.Text.Json's. The JSON reader's
            // message carries only a position, never body text.
            throw new HoneyHiveResponseFormatException($"The response body is not valid JSON: {ex.Message}", ex);
        }
        finally
        {
            if (!bodyOwnsBuffer)
            {
                BodyBufferPool.Instance.Return(buffer);
            }
        }
    }

    // RFC 8259 lets a reader ignore a byte order mark, and some proxies and Windows-hosted gateways add one.
    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    // The response is only needed until it is parsed, so it goes into pooled buffers: exact-size for
    // a seekable stream, doubling (and returning the smaller rental) for a network stream.
    private static async Task<(byte[] Buffer, int Length)> ReadPooledAsync(Stream content, CancellationToken cancellationToken)
    {
        var capacity = content.CanSeek ? checked((int)Math.Max(0, content.Length - content.Position)) + 1 : 64 * 1024;
        var buffer = BodyBufferPool.Instance.Rent(capacity);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = BodyBufferPool.Instance.Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    BodyBufferPool.Instance.Return(buffer);
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
            BodyBufferPool.Instance.Return(buffer);
            throw;
        }
    }
}
