using System.Text.Json;
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

        return await ParseAsync(content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a JSON body into this library's node (the adapter calls its getters directly).</summary>
    internal async Task<HoneyHiveJsonParseNode> ParseAsync(Stream content, CancellationToken cancellationToken)
    {
        var (buffer, length) = await BodyBufferPool.ReadAllAsync(content, content.CanSeek ? content.Length - content.Position : null, cancellationToken).ConfigureAwait(false);
        var bodyOwnsBuffer = false;
        try
        {
            var utf8Json = BodyBufferPool.JsonText(buffer, length);

            // The document reads the pooled buffer in place and rents its token table from the pool;
            // both go back when the root node has filled its model (see PooledBody).
            var document = JsonDocument.Parse(utf8Json, DocumentOptions);
            bodyOwnsBuffer = true;
            return new HoneyHiveJsonParseNode(document.RootElement, new PooledBody(document, buffer));
        }
        catch (JsonException ex)
        {
            // Truncated bodies (a dropped connection, a proxy cutting the stream) and non-JSON pages end
            // here; callers catch one typed exception instead of System.Text.Json's. The message gives the
            // position only, never body text.
            throw new HoneyHiveResponseFormatException(JsonErrors.NotJson(ex), ex);
        }
        finally
        {
            if (!bodyOwnsBuffer)
            {
                BodyBufferPool.Return(buffer);
            }
        }
    }
}
