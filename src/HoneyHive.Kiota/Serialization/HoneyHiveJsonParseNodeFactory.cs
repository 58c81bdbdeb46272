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
/// original; that copy is as large as the response. Here the parsed value is kept alive by the
/// models instead (free-form fields are <see cref="JsonElement"/>s pointing into it), so there is
/// nothing to clone: one exact-size copy of the bytes and one of the token table, nothing more.
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
        try
        {
            var utf8Json = WithoutByteOrderMark(buffer.AsSpan(0, length));
            if (utf8Json.IsEmpty)
            {
                throw new HoneyHiveResponseFormatException("The response body is empty where JSON was expected.");
            }

            // JSON must be UTF-8 (RFC 8259). The parser only notices invalid bytes when a string is read,
            // as InvalidOperationException, maybe long after parsing; checking here (vectorized, cheap next
            // to parsing) makes a corrupt body one typed error up front.
            if (!Utf8.IsValid(utf8Json))
            {
                throw new HoneyHiveResponseFormatException("The response body is not valid UTF-8.");
            }

            return new HoneyHiveJsonParseNode(ParseOwned(utf8Json), isRoot: true);
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
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // RFC 8259 lets a reader ignore a byte order mark, and some proxies and Windows-hosted gateways add
    // one; Utf8JsonReader does not skip it.
    private static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> utf8Json) =>
        utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8Json[3..] : utf8Json;

    // JsonElement.ParseValue copies the value and its token table into arrays of exactly the right
    // size that the element owns. JsonDocument.Parse instead keeps an ArrayPool rental for the table,
    // rounded up to a power of two, that is never returned here because the document is never
    // disposed (the models point into it): on a 17 MiB page that wasted several MiB per parse.
    private static JsonElement ParseOwned(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth });
        var root = JsonElement.ParseValue(ref reader);
        // ParseValue stops after one value; the reader throws on anything but whitespace after it,
        // so a response with trailing garbage is still rejected as JsonDocument.Parse would.
        reader.Read();
        return root;
    }

    // The response is only needed until it is parsed, so it goes into pooled buffers: exact-size for
    // a seekable stream, doubling (and returning the smaller rental) for a network stream.
    private static async Task<(byte[] Buffer, int Length)> ReadPooledAsync(Stream content, CancellationToken cancellationToken)
    {
        var capacity = content.CanSeek ? checked((int)Math.Max(0, content.Length - content.Position)) + 1 : 64 * 1024;
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
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
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
