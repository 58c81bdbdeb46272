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
/// original; that copy is as large as the response. Here the document is kept alive by the parsed
/// models instead (free-form fields are <see cref="JsonElement"/>s pointing into it), so there is
/// nothing to clone.
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

        var utf8Json = await ReadAllAsync(content, cancellationToken).ConfigureAwait(false);

        // RFC 8259 lets a reader ignore a byte order mark; JsonDocument.Parse over bytes does not, and
        // some proxies and Windows-hosted gateways add one.
        if (utf8Json.Span.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        if (utf8Json.IsEmpty)
        {
            throw new HoneyHiveResponseFormatException("The response body is empty where JSON was expected.");
        }

        // JSON must be UTF-8 (RFC 8259). JsonDocument only notices invalid bytes when a string is read,
        // as InvalidOperationException, maybe long after parsing; checking here (vectorized, cheap next
        // to parsing) makes a corrupt body one typed error up front.
        if (!Utf8.IsValid(utf8Json.Span))
        {
            throw new HoneyHiveResponseFormatException("The response body is not valid UTF-8.");
        }

        JsonDocument document;
        try
        {
            // Not disposed on purpose: the parsed models' JsonElements refer to this document.
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            // Truncated bodies (a dropped connection, a proxy cutting the stream) and non-JSON pages end
            // here; callers catch one typed exception instead of System.Text.Json's. The JSON reader's
            // message carries only a position, never body text.
            throw new HoneyHiveResponseFormatException($"The response body is not valid JSON: {ex.Message}", ex);
        }

        return new HoneyHiveJsonParseNode(document.RootElement, isRoot: true);
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static async Task<ReadOnlyMemory<byte>> ReadAllAsync(Stream content, CancellationToken cancellationToken)
    {
        if (content is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            return buffer.AsMemory((int)memory.Position);
        }

        var copy = content.CanSeek ? new MemoryStream(checked((int)Math.Max(0, content.Length - content.Position))) : new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        return copy.GetBuffer().AsMemory(0, (int)copy.Length);
    }
}
