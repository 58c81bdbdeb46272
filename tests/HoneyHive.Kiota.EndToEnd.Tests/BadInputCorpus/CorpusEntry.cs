using System.Text.Json;
using Xunit.Abstractions;

namespace HoneyHive.Kiota.EndToEnd.Tests.BadInputCorpus;

/// <summary>
/// One entry of BadInput/manifest.json: a response body file, the status and content type to serve it
/// with, and what the client must do: throw the named typed exception, or ("tolerated") succeed with
/// the values in <see cref="Read"/>.
/// </summary>
public sealed class CorpusEntry : IXunitSerializable
{
    public const string Tolerated = "tolerated";

    public string File { get; private set; } = string.Empty;

    public int Status { get; private set; }

    public string? ContentType { get; private set; }

    public string Expect { get; private set; } = string.Empty;

    public string Why { get; private set; } = string.Empty;

    /// <summary>The manifest's "read" object, kept as JSON text so the entry serializes for xunit.</summary>
    public string? ReadJson { get; private set; }

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "BadInput");

    public static IReadOnlyList<CorpusEntry> LoadAll()
    {
        using var manifest = JsonDocument.Parse(System.IO.File.ReadAllBytes(Path.Combine(Directory, "manifest.json")));
        return manifest.RootElement.EnumerateArray().Select(FromJson).ToList();
    }

    public byte[] ReadBody() => System.IO.File.ReadAllBytes(Path.Combine(Directory, File));

    public void Deserialize(IXunitSerializationInfo info)
    {
        File = info.GetValue<string>(nameof(File));
        Status = info.GetValue<int>(nameof(Status));
        ContentType = info.GetValue<string?>(nameof(ContentType));
        Expect = info.GetValue<string>(nameof(Expect));
        Why = info.GetValue<string>(nameof(Why));
        ReadJson = info.GetValue<string?>(nameof(ReadJson));
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(File), File);
        info.AddValue(nameof(Status), Status);
        info.AddValue(nameof(ContentType), ContentType);
        info.AddValue(nameof(Expect), Expect);
        info.AddValue(nameof(Why), Why);
        info.AddValue(nameof(ReadJson), ReadJson);
    }

    // The file name is what a failing test should show: it says which body broke.
    public override string ToString() => File;

    private static CorpusEntry FromJson(JsonElement e) => new()
    {
        File = e.GetProperty("file").GetString()!,
        Status = e.GetProperty("status").GetInt32(),
        ContentType = e.GetProperty("contentType").GetString(),
        Expect = e.GetProperty("expect").GetString()!,
        Why = e.GetProperty("why").GetString()!,
        ReadJson = e.TryGetProperty("read", out var read) ? read.GetRawText() : null,
    };
}
