using System.Text.Json;
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
/// </remarks>
public sealed class HoneyHiveJsonParseNodeFactory : IParseNodeFactory
{
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
        // Not disposed on purpose: the parsed models' JsonElements refer to this document.
        var document = JsonDocument.Parse(utf8Json);
        return new HoneyHiveJsonParseNode(document.RootElement);
    }

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
