using System.Buffers;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// Converts between Kiota's <see cref="UntypedNode"/> trees and <see cref="JsonElement"/>, for parse
/// nodes and serialization writers other than the ones this library uses.
/// </summary>
internal static class UntypedJson
{
    public static JsonElement ToElement(UntypedNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return JsonDocument.Parse(buffer.WrittenMemory).RootElement;
    }

    public static UntypedNode FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new UntypedObject(element.EnumerateObject().ToDictionary(p => p.Name, p => FromElement(p.Value))),
        JsonValueKind.Array => new UntypedArray(element.EnumerateArray().Select(FromElement).ToList()),
        JsonValueKind.String => new UntypedString(element.GetString()),
        JsonValueKind.True => new UntypedBoolean(true),
        JsonValueKind.False => new UntypedBoolean(false),
        JsonValueKind.Number when element.TryGetInt64(out var integer) => new UntypedLong(integer),
        JsonValueKind.Number when element.TryGetDecimal(out var exact) => new UntypedDecimal(exact),
        JsonValueKind.Number => new UntypedDouble(element.GetDouble()),
        _ => new UntypedNull(),
    };

    private static void Write(Utf8JsonWriter writer, UntypedNode node)
    {
        switch (node)
        {
            case UntypedObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.GetValue())
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case UntypedArray array:
                writer.WriteStartArray();
                foreach (var item in array.GetValue())
                {
                    Write(writer, item);
                }

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
            case UntypedFloat number:
                writer.WriteNumberValue(number.GetValue());
                break;
            case UntypedDouble number:
                writer.WriteNumberValue(number.GetValue());
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
