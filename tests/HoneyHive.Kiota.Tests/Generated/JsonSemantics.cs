using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Tests.Generated;

/// <summary>
/// JSON equality for "semantically equal": property order ignored, numbers compared by value, and a
/// property whose value is null treated as absent (Kiota's writers omit null properties).
/// </summary>
internal static class JsonSemantics
{
    public static void AssertEqual(JsonNode? expected, JsonNode? actual)
    {
        var e = Normalize(expected);
        var a = Normalize(actual);
        Assert.True(JsonNode.DeepEquals(e, a), $"JSON differs.\nexpected: {e?.ToJsonString()}\nactual:   {a?.ToJsonString()}");
    }

    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj
            .Where(p => p.Value is not null)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Normalize).ToArray()),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => JsonValue.Create(decimal.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)),
        _ => node.DeepClone(),
    };
}
