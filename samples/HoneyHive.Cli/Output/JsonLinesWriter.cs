using System.Text.Encodings.Web;
using System.Text.Json;
using HoneyHive.Kiota.Serialization;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace HoneyHive.Cli.Output;

/// <summary>Writes models as JSON Lines through the models' own Kiota serialization and the client's JSON
/// writer, so the output is exactly what the client would send or has read (unknown fields included).</summary>
internal sealed class JsonLinesWriter(Stream output) : IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    // Text stays readable in a terminal and in grep ("café", "user's"), where the default encoder writes
    // "caf\u00E9" and "user\u0027s"; still valid JSON, and the lines are never embedded in HTML.
    private static readonly KiotaJsonSerializationContext Readable = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public long Count { get; private set; }

    public async Task WriteAsync(IParsable model, CancellationToken cancellationToken)
    {
        using var writer = new HoneyHiveJsonSerializationWriter(Readable);
        writer.WriteObjectValue(null, model);
        using var json = writer.GetSerializedContent();
        await json.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
        Count++;
    }

    /// <summary>Hands everything written so far to the operating system.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => output.FlushAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await output.FlushAsync().ConfigureAwait(false);
}
