using System.Globalization;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

/// <summary>
/// Resolves HoneyHive's dotted field paths (<c>metadata.cost</c>, <c>inputs.chat_history.0.content</c>)
/// against an event. Numeric segments index arrays.
/// </summary>
internal static class JsonPath
{
    /// <summary>
    /// Returns the node at <paramref name="path"/>, or <see langword="null"/> when any segment is missing
    /// or the value is JSON null (the API treats an explicit null like an absent field).
    /// </summary>
    public static JsonNode? Resolve(JsonNode? root, string path) => Resolve(root, path.Split('.'), 0);

    private static JsonNode? Resolve(JsonNode? node, string[] segments, int start)
    {
        if (start == segments.Length)
        {
            return node;
        }

        switch (node)
        {
            case JsonObject obj:
                // Keys may themselves contain dots ("gpt-3.5"), so try ever longer joined keys.
                for (var end = start; end < segments.Length; end++)
                {
                    var key = end == start ? segments[start] : string.Join('.', segments, start, end - start + 1);
                    if (obj.TryGetPropertyValue(key, out var child))
                    {
                        var found = Resolve(child, segments, end + 1);
                        if (found is not null)
                        {
                            return found;
                        }
                    }
                }

                return null;
            case JsonArray array when int.TryParse(segments[start], NumberStyles.None, CultureInfo.InvariantCulture, out var index):
                return index < array.Count ? Resolve(array[index], segments, start + 1) : null;
            default:
                return null;
        }
    }
}
