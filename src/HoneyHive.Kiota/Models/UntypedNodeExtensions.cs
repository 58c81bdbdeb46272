using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using HoneyHive.Kiota.Serialization.Untyped;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.Models;

/// <summary>
/// Reading and building the free-form values of events (<c>config</c>, <c>inputs</c>, <c>outputs</c>,
/// <c>metadata</c>, <c>feedback</c>, <c>metrics</c>, <c>user_properties</c>), which Kiota types as
/// <see cref="UntypedNode"/>.
/// </summary>
/// <remarks>
/// <code>
/// double? cost = e.Metadata.GetProperty("cost").GetDouble();
/// string? question = e.Inputs.GetProperty("question").GetString();
/// Config = new JsonObject { ["model"] = "gpt-4o" }.ToUntypedNode();
/// </code>
/// Every method takes a null node and answers null, so a chain reads an absent value as null. Values read
/// by this library's parse node stay as the JSON they came from until a member is asked for: reading one
/// property parses that one object's members, and <see cref="ToJsonElement"/> hands back the JSON itself.
/// </remarks>
public static class UntypedNodeExtensions
{
    /// <summary>A property of a JSON object.</summary>
    /// <param name="node">The node; null reads as null.</param>
    /// <param name="name">The property's name, exactly (dots are part of the name, not a path).</param>
    /// <returns>The property's value, or null when the node is not an object or has no such property.</returns>
    public static UntypedNode? GetProperty(this UntypedNode? node, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return node is UntypedObject obj && obj.GetValue().TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>An item of a JSON array.</summary>
    /// <param name="node">The node; null reads as null.</param>
    /// <param name="index">The zero-based index.</param>
    /// <returns>The item, or null when the node is not an array or the index is outside it.</returns>
    public static UntypedNode? GetItem(this UntypedNode? node, int index) =>
        node is UntypedArray array && index >= 0 ? array.GetValue().ElementAtOrDefault(index) : null;

    /// <summary>The text of a JSON string.</summary>
    /// <param name="node">The node; null reads as null.</param>
    /// <returns>The text, or null when the node is not a string.</returns>
    public static string? GetString(this UntypedNode? node) => (node as UntypedString)?.GetValue();

    /// <summary>A JSON number as a double, whichever of Kiota's number nodes holds it.</summary>
    /// <param name="node">The node; null reads as null.</param>
    /// <returns>The number, or null when the node is not a number.</returns>
    public static double? GetDouble(this UntypedNode? node) => node switch
    {
        UntypedInteger value => value.GetValue(),
        UntypedLong value => value.GetValue(),
        UntypedDecimal value => (double)value.GetValue(),
        UntypedFloat value => value.GetValue(),
        UntypedDouble value => value.GetValue(),
        _ => null,
    };

    /// <summary>A JSON number that is an integer, as a long.</summary>
    /// <param name="node">The node; null reads as null.</param>
    /// <returns>The number, or null when the node is not an integer that fits a long.</returns>
    public static long? GetInt64(this UntypedNode? node) => node switch
    {
        UntypedInteger value => value.GetValue(),
        UntypedLong value => value.GetValue(),
        UntypedDecimal value when decimal.IsInteger(value.GetValue()) && value.GetValue() is >= long.MinValue and <= long.MaxValue => (long)value.GetValue(),
        _ => null,
    };

    /// <summary>A JSON boolean.</summary>
    /// <param name="node">The node; null reads as null.</param>
    /// <returns>The boolean, or null when the node is not a boolean.</returns>
    public static bool? GetBoolean(this UntypedNode? node) => (node as UntypedBoolean)?.GetValue();

    /// <summary>The node as System.Text.Json's read-only JSON value; free of copying for a value this library
    /// read whose members nobody has asked for yet.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The JSON value.</returns>
    public static JsonElement ToJsonElement(this UntypedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (JsonUntyped.TryGetUnread(node, out var element))
        {
            return element;
        }

        return Reparse(node, static (writer, value) => JsonUntyped.WriteTo(writer, value));
    }

    /// <summary>The node as System.Text.Json's mutable JSON node.</summary>
    /// <param name="node">The node; null reads as null.</param>
    /// <returns>The JSON node, or null for a null node or JSON null.</returns>
    public static JsonNode? ToJsonNode(this UntypedNode? node) =>
        node is null ? null : JsonNode.Parse(JsonMarshal.GetRawUtf8Value(node.ToJsonElement()));

    /// <summary>A free-form value built from System.Text.Json's mutable JSON node.</summary>
    /// <param name="node">The JSON; null gives Kiota's JSON null.</param>
    /// <returns>The untyped node, read by Kiota's rules (the smallest integer type, then decimal, float, double).</returns>
    public static UntypedNode ToUntypedNode(this JsonNode? node)
    {
        if (node is null)
        {
            return new UntypedNull();
        }

        return JsonUntyped.From(Reparse(node, static (writer, value) => value.WriteTo(writer)));
    }

    /// <summary>A free-form value built from System.Text.Json's read-only JSON value (copied, so the
    /// document it came from may be disposed).</summary>
    /// <param name="element">The JSON.</param>
    /// <returns>The untyped node.</returns>
    public static UntypedNode ToUntypedNode(this JsonElement element) => JsonUntyped.From(element.Clone());

    // Writes a value as JSON and parses it back: an element that owns its memory, detached from the source.
    private static JsonElement Reparse<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value);
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }
}
