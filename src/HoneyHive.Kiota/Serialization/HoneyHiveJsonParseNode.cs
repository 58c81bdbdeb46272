using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using HoneyHive.Kiota.Errors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// A Kiota parse node over a <see cref="JsonElement"/> that fills <see cref="IJsonElementParsable"/>
/// models in one pass and never throws on a value of an unexpected JSON type (it reads as null).
/// </summary>
public sealed class HoneyHiveJsonParseNode : IParseNode
{
    // Set on the root node of a response body only: the body whose memory it releases.
    private readonly PooledBody? _body;
    private JsonParseNode? _stock;

    /// <summary>Creates a parse node over <paramref name="element"/>.</summary>
    /// <param name="element">The JSON value; it must stay valid (its document undisposed) while the node is used.</param>
    public HoneyHiveJsonParseNode(JsonElement element) => Element = element;

    /// <summary>A node over a whole response body in pooled memory, which must have the shape the operation
    /// promises: filling a model from it copies what the model keeps and then releases the body, so
    /// <see cref="Element"/> is only valid until then.</summary>
    internal HoneyHiveJsonParseNode(JsonElement element, PooledBody body)
        : this(element) => _body = body;

    [MemberNotNullWhen(true, nameof(_body))]
    private bool IsRoot => _body is not null;

    /// <summary>The JSON value this node reads. For the root node of a response body this is valid only
    /// until a model has been read from the node: the body's pooled memory is then released.</summary>
    public JsonElement Element { get; }

    /// <inheritdoc />
    public Action<IParsable>? OnBeforeAssignFieldValues { get; set; }

    /// <inheritdoc />
    public Action<IParsable>? OnAfterAssignFieldValues { get; set; }

    // Kiota's node already handles the rarely used shapes (dates, times, primitive and enum
    // collections, untyped nodes) correctly; it is only built when one of them is asked for.
    private JsonParseNode Stock => _stock ??= new JsonParseNode(Element);

    /// <inheritdoc />
    public IParseNode? GetChildNode(string identifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        return Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(identifier, out var child)
            ? Child(child)
            : null;
    }

    /// <inheritdoc />
    public string? GetStringValue() => Element.ValueKind == JsonValueKind.String ? JsonElementReader.Decode(Element) : null;

    /// <inheritdoc />
    public bool? GetBoolValue() => Element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <inheritdoc />
    public byte? GetByteValue() => IsNumber && Element.TryGetByte(out var value) ? value : null;

    /// <inheritdoc />
    public sbyte? GetSbyteValue() => IsNumber && Element.TryGetSByte(out var value) ? value : null;

    /// <inheritdoc />
    public int? GetIntValue() => IsNumber && Element.TryGetInt32(out var value) ? value : null;

    /// <inheritdoc />
    public float? GetFloatValue() => IsNumber && Element.TryGetSingle(out var value) ? value : null;

    /// <inheritdoc />
    public long? GetLongValue() => IsNumber && Element.TryGetInt64(out var value) ? value : null;

    /// <inheritdoc />
    public double? GetDoubleValue() => IsNumber && Element.TryGetDouble(out var value) && double.IsFinite(value) ? value : null;

    /// <inheritdoc />
    public decimal? GetDecimalValue() => IsNumber && Element.TryGetDecimal(out var value) ? value : null;

    /// <inheritdoc />
    public Guid? GetGuidValue() => Element.ValueKind == JsonValueKind.String && Element.TryGetGuid(out var value) ? value : null;

    /// <inheritdoc />
    public DateTimeOffset? GetDateTimeOffsetValue() =>
        Element.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(JsonElementReader.Decode(Element), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;

    /// <inheritdoc />
    public TimeSpan? GetTimeSpanValue() => Element.ValueKind == JsonValueKind.String ? Stock.GetTimeSpanValue() : null;

    /// <inheritdoc />
    public Date? GetDateValue() => Element.ValueKind == JsonValueKind.String ? Stock.GetDateValue() : null;

    /// <inheritdoc />
    public Time? GetTimeValue() => Element.ValueKind == JsonValueKind.String ? Stock.GetTimeValue() : null;

    /// <inheritdoc />
    public byte[]? GetByteArrayValue() => Stock.GetByteArrayValue();

    /// <inheritdoc />
    public IEnumerable<T> GetCollectionOfPrimitiveValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>() =>
        Stock.GetCollectionOfPrimitiveValues<T>();

    /// <inheritdoc />
    public IEnumerable<T?> GetCollectionOfEnumValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>() where T : struct, Enum =>
        Element.ValueKind == JsonValueKind.Array
            ? Element.EnumerateArray().Select(item => new HoneyHiveJsonParseNode(item).GetEnumValue<T>()).ToList()
            : [];

    /// <inheritdoc />
    public T? GetEnumValue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>() where T : struct, Enum =>
        Element.ValueKind == JsonValueKind.String ? Stock.GetEnumValue<T>() : null;

    /// <inheritdoc />
    public IEnumerable<T> GetCollectionOfObjectValues<T>(ParsableFactory<T> factory) where T : IParsable
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (Element.ValueKind != JsonValueKind.Array)
        {
            return IsRoot ? throw WrongRoot("an array") : [];
        }

        var items = new List<T>(Element.GetArrayLength());
        foreach (var item in Element.EnumerateArray())
        {
            items.Add(Child(item).GetObjectValue(factory));
        }

        return items;
    }

    /// <inheritdoc />
    public T GetObjectValue<T>(ParsableFactory<T> factory) where T : IParsable
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (typeof(T) == typeof(UntypedNode))
        {
            return Stock.GetObjectValue(factory);
        }

        if (!IsRoot)
        {
            return Fill(factory);
        }

        // A whole body that is an array, a string or null where an object was promised would otherwise
        // read as an empty model: a pager would take it for an empty last page and stop, silently.
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw WrongRoot("an object");
        }

        try
        {
            using (JsonElementReader.Detaching(true))
            {
                return Fill(factory);
            }
        }
        catch (InvalidOperationException ex)
        {
            // System.Text.Json throws this for text it cannot decode where no fallback exists (a property
            // name holding a lone surrogate escape); string values already read as "did not fit".
            throw new HoneyHiveResponseFormatException($"The response body holds text that is not valid Unicode: {ex.Message}", ex);
        }
        finally
        {
            _body.Release();
        }
    }

    private T Fill<T>(ParsableFactory<T> factory) where T : IParsable
    {
        var item = factory(this);
        OnBeforeAssignFieldValues?.Invoke(item);
        if (item is IJsonElementParsable fast)
        {
            fast.ReadFrom(Element);
        }
        else
        {
            AssignFieldValues(item);
        }

        OnAfterAssignFieldValues?.Invoke(item);
        return item;
    }

    private bool IsNumber => Element.ValueKind == JsonValueKind.Number;

    private HoneyHiveResponseFormatException WrongRoot(string expected) =>
        new($"The response body is a JSON {Describe(Element.ValueKind)} where {expected} was expected.");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private HoneyHiveJsonParseNode Child(JsonElement element) => new(element)
    {
        OnBeforeAssignFieldValues = OnBeforeAssignFieldValues,
        OnAfterAssignFieldValues = OnAfterAssignFieldValues,
    };

    // The path for models that only implement IParsable (hand-written ones, or another generator's).
    private void AssignFieldValues(IParsable item)
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var additionalData = item is IAdditionalDataHolder holder ? holder.AdditionalData ??= new Dictionary<string, object>() : null;
        var deserializers = item.GetFieldDeserializers();
        foreach (var property in Element.EnumerateObject())
        {
            if (deserializers.TryGetValue(property.Name, out var deserialize))
            {
                if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    deserialize(Child(property.Value));
                }
            }
            else
            {
                additionalData?.TryAdd(property.Name, JsonElementReader.Keep(property.Value));
            }
        }
    }
}
