using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Serialization.Untyped;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Helpers;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// A Kiota parse node over a <see cref="JsonElement"/>: fills models that have a compile-time reader
/// (<see cref="IJsonElementParsable"/>) in one pass, any other Kiota model through its
/// <see cref="IParsable.GetFieldDeserializers"/>, and never loses a value of an unexpected JSON type.
/// </summary>
/// <remarks>
/// Kiota's own node answers null when a value does not have the JSON type a property expects
/// (<c>"duration": "fast"</c>), and the value is gone. This node notes that the value did not fit; the
/// property stays null and the raw value goes to the model's <see cref="IAdditionalDataHolder.AdditionalData"/>
/// under its JSON name, so a surprising server answer (or a newer API's enum value) is kept, not dropped.
/// Free-form values are Kiota's <see cref="UntypedNode"/>s, read from the JSON on first use.
/// </remarks>
public sealed class HoneyHiveJsonParseNode : IParseNode
{
    // Set on the root node of a response body only: the body whose memory it releases.
    private readonly PooledBody? _body;
    private JsonParseNode? _stock;
    private Fit _fit;

    /// <summary>Creates a parse node over <paramref name="element"/>.</summary>
    /// <param name="element">The JSON value; it must stay valid (its document undisposed) while the node is used.</param>
    public HoneyHiveJsonParseNode(JsonElement element) => Element = element;

    /// <summary>A node over a whole response body in pooled memory, which must have the shape the operation
    /// promises: filling a model from it copies what the model keeps and then releases the body.</summary>
    internal HoneyHiveJsonParseNode(JsonElement element, PooledBody body)
        : this(element) => _body = body;

    // Whether what a model's deserializer asked of this node matched the JSON: a composed type asks for
    // several kinds in turn, so one answer that fits is enough.
    private enum Fit : byte
    {
        NotAsked,
        Fits,
        DoesNotFit,
    }

    [MemberNotNullWhen(true, nameof(_body))]
    private bool IsRoot => _body is not null;

    // The JSON value this node reads. For the root node of a response body this is valid only until a model has been
    // read from the node: the body's pooled memory is then released (which is why it is not public).
    internal JsonElement Element { get; }

    /// <summary>Whether a value was asked of this node and none of the answers fitted its JSON type.</summary>
    internal bool DidNotFit => _fit == Fit.DoesNotFit;

    /// <inheritdoc />
    public Action<IParsable>? OnBeforeAssignFieldValues { get; set; }

    /// <inheritdoc />
    public Action<IParsable>? OnAfterAssignFieldValues { get; set; }

    // Kiota's node handles the rarely used shapes (dates, times, byte arrays) correctly; it is only
    // built when one of them is asked for. Durations are read by IsoDuration instead (see there why).
    private JsonParseNode Stock => _stock ??= new JsonParseNode(Element);

    /// <inheritdoc />
    public IParseNode? GetChildNode(string identifier)
    {
        // Kiota's composed types ask for the discriminator with an empty name; that is a valid question.
        ArgumentNullException.ThrowIfNull(identifier);
        return Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(identifier, out var child)
            ? Child(child)
            : null;
    }

    /// <inheritdoc />
    public string? GetStringValue() => Note(JsonElementReader.TryGetString(Element, out var value), value);

    /// <inheritdoc />
    public bool? GetBoolValue() => Note(JsonElementReader.TryGetBoolean(Element, out var value), value);

    /// <inheritdoc />
    public byte? GetByteValue() => Answer(IsNumber && Element.TryGetByte(out var value) ? value : (byte?)null);

    /// <inheritdoc />
    public sbyte? GetSbyteValue() => Answer(IsNumber && Element.TryGetSByte(out var value) ? value : (sbyte?)null);

    /// <inheritdoc />
    public int? GetIntValue() => Note(JsonElementReader.TryGetInt32(Element, out var value), value);

    /// <inheritdoc />
    public float? GetFloatValue() => Note(JsonElementReader.TryGetSingle(Element, out var value), value);

    /// <inheritdoc />
    public long? GetLongValue() => Note(JsonElementReader.TryGetInt64(Element, out var value), value);

    /// <inheritdoc />
    public double? GetDoubleValue() => Note(JsonElementReader.TryGetDouble(Element, out var value), value);

    /// <inheritdoc />
    public decimal? GetDecimalValue() => Note(JsonElementReader.TryGetDecimal(Element, out var value), value);

    /// <inheritdoc />
    public Guid? GetGuidValue() => Note(JsonElementReader.TryGetGuid(Element, out var value), value);

    /// <inheritdoc />
    public DateTimeOffset? GetDateTimeOffsetValue() => Note(JsonElementReader.TryGetDateTimeOffset(Element, out var value), value);

    /// <inheritdoc />
    public TimeSpan? GetTimeSpanValue() =>
        Answer(Element.ValueKind == JsonValueKind.String && IsoDuration.TryParse(Element.GetString(), out var value) ? value : (TimeSpan?)null);

    /// <inheritdoc />
    public Date? GetDateValue() => Answer(Element.ValueKind == JsonValueKind.String ? Stock.GetDateValue() : null);

    /// <inheritdoc />
    public Time? GetTimeValue() => Answer(Element.ValueKind == JsonValueKind.String ? Stock.GetTimeValue() : null);

    /// <inheritdoc />
    public byte[]? GetByteArrayValue() => Answer(Element.ValueKind == JsonValueKind.String ? Stock.GetByteArrayValue() : null);

    /// <inheritdoc />
    public IEnumerable<T> GetCollectionOfPrimitiveValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>() =>
        // Kiota's node answers each item with its own typed getter; so does this one.
        ReadItems(static (JsonElement item, out T value) =>
        {
            var node = new HoneyHiveJsonParseNode(item);
            var read = PrimitiveOf<T>(node);
            value = read is null ? default! : (T)read;

            // A JSON null item is a null item where the list can hold one, as in Kiota's node.
            return read is not null ? !node.DidNotFit : item.ValueKind == JsonValueKind.Null && default(T) is null;
        })!;

    /// <inheritdoc />
    public IEnumerable<T?> GetCollectionOfEnumValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>() where T : struct, Enum =>
        ReadItems(static (JsonElement item, out T? value) => JsonElementReader.TryGetEnum(item, out value) && value is not null)!;

    /// <inheritdoc />
    public T? GetEnumValue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>() where T : struct, Enum =>
        Note(JsonElementReader.TryGetEnum<T>(Element, out var value), value);

    /// <inheritdoc />
    public IEnumerable<T> GetCollectionOfObjectValues<T>(ParsableFactory<T> factory) where T : IParsable
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!IsRoot)
        {
            return ReadList(factory)!;
        }

        // A whole body that is not the array the operation promises is not an empty list.
        return Element.ValueKind == JsonValueKind.Array ? FromRoot(() => ReadList(factory)!) : throw WrongRoot("an array");
    }

    /// <inheritdoc />
    public T GetObjectValue<T>(ParsableFactory<T> factory) where T : IParsable
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!IsRoot)
        {
            return ReadObject(factory);
        }

        // A whole body that is an array, a string or null where an object was promised would otherwise
        // read as an empty model: a pager would take it for an empty last page and stop, silently. A composed
        // type (oneOf/anyOf) may be a scalar or an array, which its factory reads.
        return typeof(T) == typeof(UntypedNode) || typeof(IComposedTypeWrapper).IsAssignableFrom(typeof(T)) || Element.ValueKind == JsonValueKind.Object
            ? FromRoot(() => ReadObject(factory))
            : throw WrongRoot("an object");
    }

    /// <summary>Reads a model from JSON whose memory is released right after (a pooled page's event): whatever the
    /// model keeps of it is copied. The one way code outside this folder asks for that copy.</summary>
    internal static T ReadOwned<T>(JsonElement element, ParsableFactory<T> factory) where T : IParsable =>
        // State passed through, not captured: one read per event of a page must not allocate a closure.
        Detached((element, factory), static state => new HoneyHiveJsonParseNode(state.element).GetObjectValue(state.factory));

    // Reads a whole response body: whatever the result keeps of it is copied, then the body's pooled memory
    // goes back (see PooledBody), so Element is not to be used afterwards.
    private TResult FromRoot<TResult>(Func<TResult> read)
    {
        try
        {
            return Detached(read, static read => read());
        }
        finally
        {
            _body!.Release();
        }
    }

    // The generated readers take no context, so the copy mode is the reader's per-thread flag (reading is
    // synchronous); only this type sets it.
    private static TResult Detached<TState, TResult>(TState state, Func<TState, TResult> read)
    {
        try
        {
            using (JsonElementReader.Detaching(true))
            {
                return read(state);
            }
        }
        catch (InvalidOperationException ex)
        {
            // System.Text.Json throws this for text it cannot decode where no fallback exists (a property
            // name holding a lone surrogate escape); string values already read as "did not fit".
            throw new HoneyHiveResponseFormatException("The response body holds text that is not valid Unicode (an escaped lone surrogate in a property name).", ex);
        }
    }

    private List<T>? ReadList<T>(ParsableFactory<T> factory) where T : IParsable =>
        ReadItems((JsonElement item, out T model) =>
        {
            var child = Child(item);
            model = child.GetObjectValue(factory);
            return !child.DidNotFit;
        });

    private delegate bool ItemReader<TItem>(JsonElement item, out TItem value);

    // The list Kiota's node reads, noted as not fitting when an item is of the wrong type: an item that does not fit
    // is what Kiota makes of it (null, or an empty model), so a composed type at the root reads as Kiota reads it,
    // while a generated reader keeps the raw list instead (see JsonElementReader). JSON that is not a list gives an
    // empty list, as Kiota's node does (a composed type's factory tells its branches apart by it), noted as not
    // fitting unless it is JSON null.
    private List<TItem>? ReadItems<TItem>(ItemReader<TItem> read)
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            Note(Element.ValueKind == JsonValueKind.Null);
            return [];
        }

        var items = new List<TItem>(Element.GetArrayLength());
        var fits = true;
        foreach (var item in Element.EnumerateArray())
        {
            if (!read(item, out var value))
            {
                fits = false;
                if (default(TItem) is not null)
                {
                    // A list of a value type has no "nothing" to put in the item's place (Kiota's node throws).
                    Note(false);
                    return null;
                }
            }

            items.Add(value);
        }

        Note(fits);
        return items;
    }

    private T ReadObject<T>(ParsableFactory<T> factory) where T : IParsable
    {
        if (typeof(T) == typeof(UntypedNode))
        {
            Note(true);
            return (T)(object)JsonUntyped.From(JsonElementReader.Keep(Element));
        }

        // A value that is not the model (a string where an object belongs) gives what Kiota's node gives (the
        // model its factory made, mostly empty) and is noted as not fitting: a parent then keeps the raw value
        // (and a generated reader leaves its property null).
        return Fill(factory);
    }

    private T Fill<T>(ParsableFactory<T> factory) where T : IParsable
    {
        var item = factory(this);
        if (item is IComposedTypeWrapper)
        {
            // The factory has read the value (a string, a number, …) with the getters above, which noted
            // whether it fitted; properties, if any, come from an object.
            if (Element.ValueKind != JsonValueKind.Object)
            {
                return item;
            }
        }
        else
        {
            Note(Element.ValueKind == JsonValueKind.Object);
            if (DidNotFit)
            {
                return item;
            }
        }

        OnBeforeAssignFieldValues?.Invoke(item);

        // The compile-time reader knows nothing of the hooks, which Kiota passes to every child node.
        if (item is IJsonElementParsable fast && OnBeforeAssignFieldValues is null && OnAfterAssignFieldValues is null)
        {
            // False when no branch of a composed type took the object: the caller keeps it.
            if (fast.ReadFrom(Element))
            {
                Note(true);
            }
            else
            {
                _fit = Fit.DoesNotFit;
            }
        }
        else
        {
            AssignFieldValues(item);
        }

        OnAfterAssignFieldValues?.Invoke(item);
        return item;
    }

    // Kiota's contract for a model without a compile-time reader: JSON nulls leave a property unset, names
    // the model does not describe go to its additional data; and here, values that did not fit go there too.
    internal void AssignFieldValues(IParsable item)
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
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                var child = Child(property.Value);
                deserialize(child);
                if (child.DidNotFit)
                {
                    additionalData?.TryAdd(property.Name, JsonElementReader.Keep(property.Value));
                }
            }
            else
            {
                additionalData?.TryAdd(property.Name, JsonElementReader.Keep(property.Value));
            }
        }
    }

    private TValue? Note<TValue>(bool fits, TValue? value)
    {
        Note(fits);
        return value;
    }

    private TValue? Answer<TValue>(TValue? value)
    {
        Note(value is not null || Element.ValueKind == JsonValueKind.Null);
        return value;
    }

    private void Note(bool fits)
    {
        if (fits)
        {
            _fit = Fit.Fits;
        }
        else if (_fit == Fit.NotAsked)
        {
            _fit = Fit.DoesNotFit;
        }
    }

    private static object? PrimitiveOf<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(HoneyHiveJsonParseNode node)
    {
        // Kiota generates lists of nullable items (List<double?>, List<Date?>).
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (PrimitiveValues.TryRead(type, node, out var value))
        {
            return value;
        }

        return type.IsEnum && node.GetStringValue() is { Length: > 0 } raw ? EnumHelpers.GetEnumValue(typeof(T), raw) : null;
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
}
