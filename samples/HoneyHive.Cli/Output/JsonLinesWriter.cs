using Microsoft.Kiota.Abstractions.Serialization;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Cli.Output;

/// <summary>Writes models as JSON Lines through the models' own Kiota serialization and the client's JSON
/// writer, so the output is exactly what the client would send or has read (unknown fields included).</summary>
internal sealed class JsonLinesWriter(Stream output) : IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public long Count { get; private set; }

    public async Task WriteAsync(IParsable model, CancellationToken cancellationToken)
    {
        using var writer = new HoneyHiveJsonSerializationWriter();
        writer.WriteObjectValue(null, model);
        using var json = writer.GetSerializedContent();
        await json.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
        Count++;
    }

    public async ValueTask DisposeAsync() => await output.FlushAsync().ConfigureAwait(false);
}
