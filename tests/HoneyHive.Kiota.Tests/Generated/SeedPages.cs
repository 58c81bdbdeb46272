using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Tests.Generated;

/// <summary>The JSON bodies on the endpoint pages in Seeds/ (copied verbatim from the specification).</summary>
internal static class SeedPages
{
    public static JsonObject GetEventsResponse => Bodies("get-events.txt")[0];

    public static JsonObject ExportResponse => Bodies("post-events-export.txt").Single(b => b.ContainsKey("events"));

    public static JsonObject BatchRequest => Bodies("post-events-batch.txt")[0];

    public static JsonObject BatchResponse => Bodies("post-events-batch.txt")[1];

    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "Seeds", file);

    // A page mixes prose, curl and JSON; the bodies are the JSON objects that start a line
    // (or follow --data ') and parse completely.
    private static List<JsonObject> Bodies(string file)
    {
        var text = File.ReadAllText(Path(file)).Replace("'\\''", "'", StringComparison.Ordinal);
        var bodies = new List<JsonObject>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '{' || (i > 0 && text[i - 1] is not ('\n' or '\'' or ' ')))
            {
                continue;
            }

            var end = MatchingBrace(text, i);
            if (end < 0)
            {
                continue;
            }

            try
            {
                if (JsonNode.Parse(text[i..(end + 1)]) is JsonObject body)
                {
                    bodies.Add(body);
                    i = end;
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // Not a body: keep scanning.
            }
        }

        return bodies;
    }

    private static int MatchingBrace(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }

            switch (c)
            {
                case '"': inString = true; break;
                case '{': depth++; break;
                case '}' when --depth == 0: return i;
            }
        }

        return -1;
    }
}
