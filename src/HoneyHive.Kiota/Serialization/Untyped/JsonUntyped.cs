using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.Serialization.Untyped;

/// <summary>
/// Kiota's <see cref="UntypedNode"/> for free-form JSON (<c>config</c>, <c>inputs</c>, <c>metadata</c>, …),
/// made from a parsed <see cref="JsonElement"/> without building the tree up front.
/// </summary>
/// <remarks>
/// Kiota's own parse node turns every free-form value into a tree of dictionaries and nodes while the
/// response is read; on a page of events that is most of the parse. Here an object or array becomes one
/// Kiota <see cref="UntypedObject"/> or <see cref="UntypedArray"/> whose members are read from the JSON
/// the first time anyone asks for them (one level at a time), so values nobody reads cost almost nothing.
/// Callers see Kiota's types and Kiota's number rules either way.
/// </remarks>
internal static class JsonUntyped
{
    /// <summary>The node for a JSON value; the element must stay valid as long as the node lives.</summary>
    public static UntypedNode From(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => new UntypedObject(new JsonObjectProperties(value)),
        JsonValueKind.Array => new UntypedArray(new JsonArrayItems(value)),
        // Kiota's order: the smallest integer type that holds the number, then decimal, float, double.
        JsonValueKind.Number when value.TryGetInt32(out var integer) => new UntypedInteger(integer),
        JsonValueKind.Number when value.TryGetInt64(out var longInteger) => new UntypedLong(longInteger),
        JsonValueKind.Number when value.TryGetDecimal(out var exact) => new UntypedDecimal(exact),
        JsonValueKind.Number when value.TryGetSingle(out var single) => new UntypedFloat(single),
        JsonValueKind.Number => new UntypedDouble(value.GetDouble()),
        JsonValueKind.String => new UntypedString(JsonElementReader.Decode(value)),
        JsonValueKind.True => new UntypedBoolean(true),
        JsonValueKind.False => new UntypedBoolean(false),
        _ => new UntypedNull(),
    };

    /// <summary>Writes a node as JSON: the JSON it was read from, untouched, where nobody has opened it
    /// (Kiota's writer would open every level), Kiota's tree where someone has.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="node">The value.</param>
    /// <param name="path">Where the node is, to name the field of a number JSON cannot hold; null for the root.</param>
    /// <param name="nonFiniteAsNames">Write NaN and the infinities as <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>
    /// instead of refusing them.</param>
    /// <exception cref="UnwritableValueException">A number in a tree someone built is NaN or infinite.</exception>
    public static void WriteTo(Utf8JsonWriter writer, UntypedNode node, JsonWritePath? path = null, bool nonFiniteAsNames = false)
    {
        if (TryGetUnread(node, out var json))
        {
            json.WriteTo(writer);
            return;
        }

        path ??= new JsonWritePath();
        switch (node)
        {
            case UntypedObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.GetValue())
                {
                    writer.WritePropertyName(name);
                    path.Enter(name);
                    WriteTo(writer, value, path, nonFiniteAsNames);
                    path.Leave();
                }

                writer.WriteEndObject();
                break;
            case UntypedArray array:
                writer.WriteStartArray();
                path.EnterArray(null);
                var index = 0;
                foreach (var item in array.GetValue())
                {
                    path.At(index++);
                    WriteTo(writer, item, path, nonFiniteAsNames);
                }

                path.Leave();
                writer.WriteEndArray();
                break;
            case UntypedString text when text.GetValue() is { } value:
                writer.WriteStringValue(value);
                break;
            case UntypedBoolean flag:
                writer.WriteBooleanValue(flag.GetValue());
                break;
            case UntypedInteger integer:
                writer.WriteNumberValue(integer.GetValue());
                break;
            case UntypedLong integer:
                writer.WriteNumberValue(integer.GetValue());
                break;
            case UntypedDecimal number:
                writer.WriteNumberValue(number.GetValue());
                break;
            case UntypedFloat number when float.IsFinite(number.GetValue()):
                // As a float: widened to double, 0.1f would be written 0.10000000149011612.
                writer.WriteNumberValue(number.GetValue());
                break;
            case UntypedFloat number:
                WriteNumber(writer, number.GetValue(), path, nonFiniteAsNames);
                break;
            case UntypedDouble number:
                WriteNumber(writer, number.GetValue(), path, nonFiniteAsNames);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, double number, JsonWritePath path, bool nonFiniteAsNames)
    {
        if (double.IsFinite(number))
        {
            writer.WriteNumberValue(number);
        }
        else if (nonFiniteAsNames)
        {
            writer.WriteStringValue(NonFiniteNumbers.Name(number));
        }
        else
        {
            throw path.Refuse(null, NonFiniteNumbers.Reason(number));
        }
    }

    /// <summary>The JSON a node was made from, when it was made by <see cref="From"/> and nobody has read
    /// (and so possibly changed) its members since.</summary>
    public static bool TryGetUnread(UntypedNode node, out JsonElement element)
    {
        switch (node)
        {
            case UntypedObject obj when obj.GetValue() is JsonObjectProperties { Unread: { } json }:
                element = json;
                return true;
            case UntypedArray array when array.GetValue() is JsonArrayItems { Unread: { } json }:
                element = json;
                return true;
            default:
                element = default;
                return false;
        }
    }
}
