using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

/// <summary>
/// Reads a JSON number whatever CLR type backs the node: parsed nodes hold a JsonElement, but nodes built in
/// code hold int/long/double, and <c>GetValue&lt;double&gt;()</c> refuses an int. The JSON text is the common form.
/// </summary>
internal static class JsonNumber
{
    public static bool TryGetDouble(JsonNode? node, out double number)
    {
        number = 0;
        return node is JsonValue v
            && v.GetValueKind() == JsonValueKind.Number
            && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }
}
