using System.Text;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.EndToEnd.Tests.Fuzz;

/// <summary>The documented 200 bodies of GET /events and POST /events/export, cut out of the seed pages.</summary>
internal static class SeedBodies
{
    public static IReadOnlyList<byte[]> All { get; } = [Read("get-events.txt"), Read("post-events-export.txt")];

    // The response body is the JSON object that starts with {"events": on its own line.
    private static byte[] Read(string file)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seeds", file));
        var start = text.IndexOf("{\n  \"events\"", StringComparison.Ordinal);
        for (var end = text.IndexOf("\n}", start, StringComparison.Ordinal); end >= 0; end = text.IndexOf("\n}", end + 1, StringComparison.Ordinal))
        {
            var candidate = text[start..(end + 2)];
            try
            {
                if (JsonNode.Parse(candidate) is JsonObject)
                {
                    return Encoding.UTF8.GetBytes(candidate);
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // Not the end of the object yet.
            }
        }

        throw new InvalidOperationException($"No response body found in {file}.");
    }
}
