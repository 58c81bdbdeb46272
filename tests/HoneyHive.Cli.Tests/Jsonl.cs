using System.Text.Json;

namespace HoneyHive.Cli.Tests;

/// <summary>JSON Lines helpers: every non-empty line must be one JSON object.</summary>
internal static class Jsonl
{
    public static IReadOnlyList<JsonElement> Parse(string text)
    {
        Assert.True(text.Length == 0 || text.EndsWith('\n'), "JSON Lines output must end with a newline");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line =>
            {
                using var document = JsonDocument.Parse(line);
                Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
                return document.RootElement.Clone();
            })
            .ToList();
    }

    public static IReadOnlyList<JsonElement> ReadFile(string path) => Parse(File.ReadAllText(path));

    public static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static IReadOnlyList<string?> Ids(IEnumerable<JsonElement> lines) => lines.Select(l => String(l, "event_id")).ToList();
}
