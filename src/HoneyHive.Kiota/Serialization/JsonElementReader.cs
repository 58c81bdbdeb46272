using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using HoneyHive.Kiota.Serialization.Untyped;
using Microsoft.Kiota.Abstractions.Helpers;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// Reads typed values out of <see cref="JsonElement"/>s for the compile-time readers
/// (<see cref="IJsonElementParsable.ReadFrom"/>) and for <see cref="HoneyHiveJsonParseNode"/>.
/// </summary>
/// <remarks>
/// Every <c>TryGet…</c> answers <see langword="true"/> with the value (or <see langword="null"/> for JSON
/// null) and <see langword="false"/> when the JSON type does not fit; the reader then keeps the
/// raw value in the model's additional data, so a surprising server answer loses nothing and throws nothing.
/// A string that cannot be decoded (a lone UTF-16 surrogate escape such as <c>"\ud83d"</c>, which JavaScript
/// and Python servers emit for a truncated emoji) counts as not fitting: System.Text.Json would throw
/// <see cref="InvalidOperationException"/> from <see cref="JsonElement.GetString"/>.
/// <para>Public because the readers are compiled into whichever assembly holds the Kiota models; not
/// meant to be called by hand.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonElementReader
{
    // Set while a response body whose memory is pooled is read into models: whatever the models keep
    // (free-form values, additional data) must then be copied out of it. Reading is synchronous, so
    // one flag per thread is exact; only HoneyHiveJsonParseNode sets it (a body's root, ReadOwned).
    [ThreadStatic]
    private static bool t_detaching;

    /// <summary>Keeps a value for a model: the value itself, or its own copy when the body it points into
    /// is about to be released (see <see cref="HoneyHiveJsonParseNodeFactory"/>).</summary>
    /// <param name="value">The JSON value.</param>
    /// <returns>A value that stays valid as long as the model holds it.</returns>
    public static JsonElement Keep(JsonElement value) => t_detaching ? value.Clone() : value;

    /// <summary>Makes <see cref="Keep"/> copy values, when <paramref name="detach"/> is set, until the returned scope ends.</summary>
    internal static DetachScope Detaching(bool detach) => new(detach || t_detaching);

    /// <summary>For models with free-form fields: when the body is about to be released, copies the whole
    /// object once (cheaper than copying each free-form value) and reads the rest of it without copying.</summary>
    /// <param name="element">The model's JSON object; replaced by its own copy when one is needed.</param>
    /// <returns>A scope that restores the mode when disposed.</returns>
    public static DetachScope OwnWhenDetaching(ref JsonElement element)
    {
        if (t_detaching)
        {
            element = element.Clone();
        }

        return new DetachScope(false);
    }

    /// <summary>Restores the previous copy mode when disposed.</summary>
    public readonly struct DetachScope : IDisposable
    {
        private readonly bool _previous;

        internal DetachScope(bool detaching)
        {
            _previous = t_detaching;
            t_detaching = detaching;
        }

        /// <summary>Restores the mode that was in force when the scope began.</summary>
        public void Dispose() => t_detaching = _previous;
    }

    /// <summary>The property's name as UTF-8, without allocating unless the name was escaped in the JSON.</summary>
    /// <param name="property">A property of a parsed object.</param>
    /// <returns>The unescaped UTF-8 bytes of the name.</returns>
    public static ReadOnlySpan<byte> NameOf(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.IndexOf((byte)'\\') < 0 ? raw : Encoding.UTF8.GetBytes(property.Name);
    }

    /// <summary>Reads a string.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="result">The string, or null for JSON null.</param>
    /// <returns>Whether the JSON type fit.</returns>
    public static bool TryGetString(JsonElement value, out string? result)
    {
        result = value.ValueKind == JsonValueKind.String ? StringOf(value) : null;
        return result is not null || value.ValueKind == JsonValueKind.Null;
    }

    // Escaped text (rare in ids and names) takes the ordinary path; the rest may reuse a recent instance.
    private static string? StringOf(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return raw.IndexOf((byte)'\\') < 0 ? RecentStrings.Get(raw[1..^1]) : Decode(value);
    }

    /// <summary>Reads a boolean.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="result">The boolean, or null for JSON null.</param>
    /// <returns>Whether the JSON type fit.</returns>
    public static bool TryGetBoolean(JsonElement value, out bool? result)
    {
        result = value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
        return result is not null || value.ValueKind == JsonValueKind.Null;
    }

    /// <summary>Reads a 32-bit integer.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="result">The number, or null for JSON null.</param>
    /// <returns>Whether the JSON type fit.</returns>
    public static bool TryGetInt32(JsonElement value, out int? result)
    {
        result = value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
        return result is not null || value.ValueKind == JsonValueKind.Null;
    }

    /// <summary>Reads a 64-bit integer.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="result">The number, or null for JSON null.</param>
    /// <returns>Whether the JSON type fit.</returns>
    public static bool TryGetInt64(JsonElement value, out long? result)
    {
        result = value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;
        return result is not null || value.ValueKind == JsonValueKind.Null;
    }

    /// <summary>Reads a floating-point number.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="result">The number, or null for JSON null.</param>
    /// <returns>Whether the JSON type fit.</returns>
    public static bool TryGetDouble(JsonElement value, out double? result)
    {
        // 1e400 parses as infinity, which JSON cannot carry back and Kiota's writer refuses: it does not fit.
        result = value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number) ? number : null;
        return result is not null || value.ValueKind == JsonValueKind.Null;
    }

    /// <summary>Reads an ISO-8601 date-time string.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="result">The point in time (UTC when the text has no offset), or null for JSON null.</param>
    /// <returns>Whether the JSON value was a readable date-time.</returns>
    public static bool TryGetDateTimeOffset(JsonElement value, out DateTimeOffset? result)
    {
        result = value.ValueKind == JsonValueKind.String ? Timestamps.Parse(Decode(value)) : null;
        return result is not null || value.ValueKind == JsonValueKind.Null;
    }

    /// <summary>Reads an array of strings; a JSON null item is a null item, as Kiota reads it.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="result">The strings, or null for JSON null.</param>
    /// <returns>Whether the value was null or an array holding only strings and nulls.</returns>
    public static bool TryGetStringList(JsonElement value, out List<string>? result)
    {
        result = null;
        if (value.ValueKind != JsonValueKind.Array)
        {
            return value.ValueKind == JsonValueKind.Null;
        }

        var items = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Null)
            {
                items.Add(null!);
                continue;
            }

            if (item.ValueKind != JsonValueKind.String || Decode(item) is not { } text)
            {
                return false;
            }

            items.Add(text);
        }

        result = items;
        return true;
    }

    /// <summary>Reads a single-precision number.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="result">The number, or null for JSON null.</param>
    /// <returns>Whether the JSON type fit.</returns>
    public static bool TryGetSingle(JsonElement value, out float? result)
    {
        result = value.ValueKind == JsonValueKind.Number && value.TryGetSingle(out var number) && float.IsFinite(number) ? number : null;
        return result is not null || value.ValueKind == JsonValueKind.Null;
    }

    /// <summary>Reads a decimal number.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="result">The number, or null for JSON null.</param>
    /// <returns>Whether the JSON type fit.</returns>
    public static bool TryGetDecimal(JsonElement value, out decimal? result)
    {
        result = value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : null;
        return result is not null || value.ValueKind == JsonValueKind.Null;
    }

    /// <summary>Reads a UUID.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="result">The UUID, or null for JSON null.</param>
    /// <returns>Whether the JSON value was a UUID string.</returns>
    public static bool TryGetGuid(JsonElement value, out Guid? result)
    {
        result = value.ValueKind == JsonValueKind.String && value.TryGetGuid(out var guid) ? guid : null;
        return result is not null || value.ValueKind == JsonValueKind.Null;
    }

    /// <summary>Reads a Kiota enum by its exact wire name (see <see cref="EnumValues{T}"/>); flags enums as Kiota reads them.</summary>
    /// <typeparam name="T">The generated enum.</typeparam>
    /// <param name="value">The JSON value.</param>
    /// <param name="result">The enum value, or null for JSON null.</param>
    /// <returns>Whether the JSON value named one of the enum's values.</returns>
    public static bool TryGetEnum<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(JsonElement value, out T? result)
        where T : struct, Enum
    {
        result = null;
        if (value.ValueKind != JsonValueKind.String)
        {
            return value.ValueKind == JsonValueKind.Null;
        }

        if (EnumValues<T>.IsFlags)
        {
            result = Decode(value) is { Length: > 0 } text ? EnumHelpers.GetEnumValue<T>(text) : null;
        }
        else if (EnumValues<T>.TryRead(value, out var member))
        {
            result = member;
        }

        return result is not null;
    }

    /// <summary>Reads an array of another Kiota primitive (numbers, booleans, UUIDs, dates…) through the parse node's rules.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="value">The JSON value.</param>
    /// <param name="result">The items, or null for JSON null.</param>
    /// <returns>Whether the value was null or an array whose every item fitted.</returns>
    public static bool TryGetPrimitiveList<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(JsonElement value, out List<T>? result)
    {
        var node = new HoneyHiveJsonParseNode(value);
        result = node.GetCollectionOfPrimitiveValues<T>() as List<T>;
        return Fits(node, ref result);
    }

    /// <summary>Reads an array of a Kiota enum's wire names.</summary>
    /// <typeparam name="T">The generated enum.</typeparam>
    /// <param name="value">The JSON value.</param>
    /// <param name="result">The values, or null for JSON null.</param>
    /// <returns>Whether the value was null or an array of the enum's values.</returns>
    public static bool TryGetEnumList<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(JsonElement value, out List<T?>? result)
        where T : struct, Enum
    {
        var node = new HoneyHiveJsonParseNode(value);
        result = node.GetCollectionOfEnumValues<T>() as List<T?>;
        return Fits(node, ref result);
    }

    /// <summary>Reads free-form JSON as Kiota's <see cref="UntypedNode"/>, whose members are read on first use.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="result">The node, or null for JSON null.</param>
    /// <returns>Always true: any JSON fits a free-form value.</returns>
    public static bool TryGetUntyped(JsonElement value, out UntypedNode? result)
    {
        result = value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : JsonUntyped.From(Keep(value));
        return true;
    }

    /// <summary>Reads a nested model that has a compile-time reader and a factory that only creates it.</summary>
    /// <typeparam name="T">The generated model type.</typeparam>
    /// <param name="value">The JSON value.</param>
    /// <param name="result">The model, or null for JSON null.</param>
    /// <returns>Whether the value was null or an object.</returns>
    public static bool TryGetModel<T>(JsonElement value, out T? result) where T : class, IJsonElementParsable, new()
    {
        result = null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            return value.ValueKind == JsonValueKind.Null;
        }

        result = new T();
        result.ReadFrom(value);
        return true;
    }

    /// <summary>Reads a nested model through its Kiota factory (discriminators, composed types), then its
    /// compile-time reader or its field deserializers.</summary>
    /// <typeparam name="T">The generated model type.</typeparam>
    /// <param name="value">The JSON value.</param>
    /// <param name="factory">The model's <c>CreateFromDiscriminatorValue</c>.</param>
    /// <param name="result">The model, or null for JSON null.</param>
    /// <returns>Whether the value fitted the model.</returns>
    public static bool TryGetObject<T>(JsonElement value, ParsableFactory<T> factory, out T? result) where T : class, IParsable
    {
        result = null;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        var node = new HoneyHiveJsonParseNode(value);
        result = node.GetObjectValue(factory);
        return Fits(node, ref result);
    }

    /// <summary>Reads an array of nested models with compile-time readers and factories that only create them.</summary>
    /// <typeparam name="T">The generated model type.</typeparam>
    /// <param name="value">The JSON value.</param>
    /// <param name="result">The models, or null for JSON null.</param>
    /// <returns>Whether the value was null or an array holding only objects.</returns>
    public static bool TryGetModelList<T>(JsonElement value, out List<T>? result) where T : class, IJsonElementParsable, new()
    {
        result = null;
        if (value.ValueKind != JsonValueKind.Array)
        {
            return value.ValueKind == JsonValueKind.Null;
        }

        var items = new List<T>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var model = new T();
            model.ReadFrom(item);
            items.Add(model);
        }

        result = items;
        return true;
    }

    /// <summary>Reads an array of nested models through their Kiota factory.</summary>
    /// <typeparam name="T">The generated model type.</typeparam>
    /// <param name="value">The JSON value.</param>
    /// <param name="factory">The model's <c>CreateFromDiscriminatorValue</c>.</param>
    /// <param name="result">The models, or null for JSON null.</param>
    /// <returns>Whether the value was null or an array whose every item fitted the model.</returns>
    public static bool TryGetObjectList<T>(JsonElement value, ParsableFactory<T> factory, out List<T>? result) where T : class, IParsable
    {
        result = null;
        if (value.ValueKind != JsonValueKind.Array)
        {
            return value.ValueKind == JsonValueKind.Null;
        }

        var items = new List<T>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (!TryGetObject(item, factory, out var model) || model is null)
            {
                return false;
            }

            items.Add(model);
        }

        result = items;
        return true;
    }

    /// <summary>Fills a model through Kiota's <see cref="IParsable.GetFieldDeserializers"/>: what a compile-time
    /// reader does for a subclass of its model, whose extra properties it does not know.</summary>
    /// <param name="model">The model.</param>
    /// <param name="element">The JSON object.</param>
    public static void ReadWithFieldDeserializers(IParsable model, JsonElement element)
    {
        ArgumentNullException.ThrowIfNull(model);
        new HoneyHiveJsonParseNode(element).AssignFieldValues(model);
    }

    /// <summary>A parse node over one property's value, for a generated reader that runs Kiota's own statement.</summary>
    /// <param name="value">The JSON value.</param>
    /// <returns>The library's parse node, which notes whether what it was asked for fitted the JSON.</returns>
    public static HoneyHiveJsonParseNode NodeFor(JsonElement value) => new(value);

    /// <summary>Whether what a generated reader asked of <paramref name="node"/> fitted its JSON.</summary>
    /// <param name="node">A node from <see cref="NodeFor"/>.</param>
    /// <returns>False when the value did not fit; the reader then keeps the raw value.</returns>
    public static bool Fitted(HoneyHiveJsonParseNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return !node.DidNotFit;
    }

    /// <summary>Reads a JSON object into a model a composed type's factory created: through its compile-time
    /// reader, else through its field deserializers.</summary>
    /// <param name="model">The model.</param>
    /// <param name="element">The JSON object.</param>
    /// <returns>Whether the object fitted the model.</returns>
    public static bool ReadInto(IParsable model, JsonElement element)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model is IJsonElementParsable reader)
        {
            return reader.ReadFrom(element);
        }

        new HoneyHiveJsonParseNode(element).AssignFieldValues(model);
        return element.ValueKind == JsonValueKind.Object;
    }

    /// <summary>Creates a model through its Kiota factory and reads a JSON object into it.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="element">The JSON object.</param>
    /// <param name="factory">The model's <c>CreateFromDiscriminatorValue</c>.</param>
    /// <returns>The model, or null when the JSON did not fit it.</returns>
    public static T? ReadNew<T>(JsonElement element, ParsableFactory<T> factory) where T : class, IParsable =>
        TryGetObject(element, factory, out var model) ? model : null;

    /// <summary>Reads a JSON object into every model of an <c>anyOf</c> composed type, each property to the first
    /// model that describes it (Kiota's merged deserializers); what none describes is kept by the first model that
    /// keeps additional data.</summary>
    /// <param name="element">The JSON object.</param>
    /// <param name="models">The composed type's models, in Kiota's order; null entries are skipped.</param>
    /// <returns>Whether the value was an object.</returns>
    public static bool ReadIntersection(JsonElement element, params IParsable?[] models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            // Kiota merges the branches' deserializers, the first branch's winning a name several describe: the first
            // branch that takes the property, or the first that describes it (its value did not fit there: kept raw in
            // it), else the first that keeps additional data.
            var name = NameOf(property);
            IAdditionalDataHolder? keeper = null;
            var taken = false;
            foreach (var model in models)
            {
                if (ReadPropertyInto(model, name, property.Value))
                {
                    taken = true;
                    break;
                }

                if (model is not null && model.GetFieldDeserializers().ContainsKey(property.Name))
                {
                    keeper = model as IAdditionalDataHolder;
                    break;
                }
            }

            if (!taken && (keeper ?? Array.Find(models, static m => m is IAdditionalDataHolder) as IAdditionalDataHolder) is { } holder)
            {
                KeepAdditional(holder, property);
            }
        }

        return true;
    }

    /// <summary>For a model that keeps no additional data: a described property whose value did not fit the
    /// compile-time reader is read as Kiota's own node reads it (what it makes of the value, where it makes
    /// anything), since there is nowhere to keep the raw value. Whatever Kiota's node throws leaves the property
    /// as it is.</summary>
    /// <param name="model">The model.</param>
    /// <param name="jsonName">The property's JSON name.</param>
    /// <param name="json">Its value.</param>
    public static void ReadAsKiota(IParsable model, string jsonName, JsonElement json)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!model.GetFieldDeserializers().TryGetValue(jsonName, out var deserialize))
        {
            return;
        }

        try
        {
            deserialize(new JsonParseNode(json));
        }
#pragma warning disable CA1031 // Kiota's node throws many kinds for JSON of the wrong type; none may escape a read.
        catch (Exception)
#pragma warning restore CA1031
        {
            // The property keeps what the compile-time reader left (null).
        }
    }

    /// <summary>Offers one property to a model: its compile-time reader, else its field deserializers.</summary>
    /// <param name="model">The model, or null (nothing is read).</param>
    /// <param name="utf8Name">The property's name as UTF-8.</param>
    /// <param name="json">The value.</param>
    /// <returns>Whether the model described the name and the value fitted.</returns>
    public static bool ReadPropertyInto(IParsable? model, ReadOnlySpan<byte> utf8Name, JsonElement json)
    {
        switch (model)
        {
            case null:
                return false;
            case IJsonElementParsable reader:
                return reader.ReadProperty(utf8Name, json);
            default:
                if (!model.GetFieldDeserializers().TryGetValue(Encoding.UTF8.GetString(utf8Name), out var deserialize))
                {
                    return false;
                }

                if (json.ValueKind == JsonValueKind.Null)
                {
                    return true;
                }

                var node = new HoneyHiveJsonParseNode(json);
                deserialize(node);
                return !node.DidNotFit;
        }
    }

    /// <summary>Keeps a property the model does not describe, or whose value did not fit, in its additional data.</summary>
    /// <param name="holder">The model.</param>
    /// <param name="property">The property.</param>
    public static void KeepAdditional(IAdditionalDataHolder holder, JsonProperty property)
    {
        ArgumentNullException.ThrowIfNull(holder);
        (holder.AdditionalData ??= new Dictionary<string, object>())[property.Name] = Keep(property.Value);
    }

    // A value that did not fit is null for a generated reader's property (the raw value is kept beside it).
    private static bool Fits<T>(HoneyHiveJsonParseNode node, ref T? result) where T : class
    {
        if (!node.DidNotFit)
        {
            return true;
        }

        result = null;
        return false;
    }

    /// <summary>The string's text, or null when its escapes do not form valid UTF-16 (a lone surrogate).</summary>
    /// <param name="value">A JSON string.</param>
    /// <returns>The decoded text, or null.</returns>
    internal static string? Decode(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
