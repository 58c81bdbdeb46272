using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// Free-form JSON fields (config, inputs, outputs, metadata, …) through Kiota's abstractions:
/// read from any <see cref="IParseNode"/>, written through any <see cref="ISerializationWriter"/>.
/// </summary>
/// <remarks>
/// With this library's parse node and Kiota's JSON writer the JSON passes through untouched; any
/// other implementation gets Kiota's <see cref="UntypedNode"/> form, so the models keep working
/// whichever serialization the request adapter was given.
/// </remarks>
public static class FreeFormJson
{
    /// <summary>Reads a free-form value as a <see cref="JsonElement"/>.</summary>
    /// <param name="node">The parse node of the property.</param>
    /// <returns>The value, or null for JSON null.</returns>
    public static JsonElement? ReadElement(IParseNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var element = node is HoneyHiveJsonParseNode ours
            ? ours.Element
            : UntypedJson.ToElement(node.GetObjectValue(UntypedNode.CreateFromDiscriminatorValue));
        return JsonElementReader.FreeFormElement(element);
    }

    /// <summary>Reads a free-form value as a mutable <see cref="JsonNode"/>.</summary>
    /// <param name="node">The parse node of the property.</param>
    /// <returns>The value, or null for JSON null.</returns>
    public static JsonNode? ReadNode(IParseNode node) =>
        ReadElement(node) is { } element ? JsonElementReader.FreeFormNode(element) : null;

    /// <summary>Reads a timestamp sent as Unix milliseconds or as a date-time string.</summary>
    /// <param name="node">The parse node of the property.</param>
    /// <returns>The point in time, or null when absent or unreadable.</returns>
    public static DateTimeOffset? ReadTimestamp(IParseNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node is HoneyHiveJsonParseNode ours)
        {
            return JsonElementReader.TryGetTimestamp(ours.Element, out var value) ? value : null;
        }

        return node.GetStringValue() is { } text
            ? Timestamps.Parse(text)
            : node.GetDoubleValue() is { } milliseconds ? Timestamps.FromUnixMilliseconds(milliseconds) : null;
    }

    /// <summary>Writes a free-form value; nothing is written for null.</summary>
    /// <param name="writer">The serialization writer.</param>
    /// <param name="key">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteJsonValue(this ISerializationWriter writer, string key, JsonElement? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is not { } element || element.ValueKind == JsonValueKind.Undefined)
        {
            return;
        }

        if (writer is JsonSerializationWriter json)
        {
            json.writer.WritePropertyName(key);
            element.WriteTo(json.writer);
        }
        else
        {
            writer.WriteObjectValue(key, UntypedJson.FromElement(element));
        }
    }

    /// <summary>Writes a free-form value; nothing is written for null.</summary>
    /// <param name="writer">The serialization writer.</param>
    /// <param name="key">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteJsonValue(this ISerializationWriter writer, string key, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            return;
        }

        if (writer is JsonSerializationWriter json)
        {
            json.writer.WritePropertyName(key);
            value.WriteTo(json.writer);
            return;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var bufferWriter = new Utf8JsonWriter(buffer))
        {
            value.WriteTo(bufferWriter);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        writer.WriteObjectValue(key, UntypedJson.FromElement(document.RootElement));
    }

    /// <summary>Writes a timestamp as Unix milliseconds, the form requests send.</summary>
    /// <param name="writer">The serialization writer.</param>
    /// <param name="key">The property name.</param>
    /// <param name="value">The point in time.</param>
    public static void WriteTimestampValue(this ISerializationWriter writer, string key, DateTimeOffset? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } time)
        {
            writer.WriteLongValue(key, Timestamps.ToUnixMilliseconds(time));
        }
    }
}
