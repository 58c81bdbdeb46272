using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using HoneyHive.Kiota.Serialization.Untyped;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// Kiota's <see cref="JsonSerializationWriter"/>, with free-form values written as the JSON they were read
/// from and enums written without reflection.
/// </summary>
/// <remarks>
/// Kiota's writer walks an <see cref="UntypedNode"/> member by member, which opens every level of a value
/// this library read lazily (a dictionary and a node per member, for JSON that was already JSON), and finds
/// an enum's wire name by reflection on each write. This writer hands everything to Kiota's except those
/// two: an unopened free-form value is copied as raw JSON, a plain enum's wire name comes from a table
/// built once; and it writes date-times as HoneyHive's own SDKs do (UTC, milliseconds, <c>Z</c>). Models are written exactly as Kiota's writer writes them (same hooks, same composed-type
/// and merge rules), with this writer passed to their <see cref="IParsable.Serialize"/>.
/// </remarks>
public sealed class HoneyHiveJsonSerializationWriter : ISerializationWriter
{
    private readonly JsonSerializationWriter _json;
    private readonly JsonWritePath _path = new();

    // For the sink's dead-letter file only: a value JSON cannot hold is written as its name ("NaN") instead of
    // refusing the event, so every failed event keeps its line.
    private readonly bool _nonFiniteAsNames;

    /// <summary>A writer with Kiota's default JSON settings.</summary>
    public HoneyHiveJsonSerializationWriter()
        : this(KiotaJsonSerializationContext.Default)
    {
    }

    /// <summary>A writer with the encoder and indentation of <paramref name="context"/>'s options, as Kiota's
    /// <see cref="JsonSerializationWriter(KiotaJsonSerializationContext)"/>.</summary>
    /// <param name="context">The serialization context.</param>
    public HoneyHiveJsonSerializationWriter(KiotaJsonSerializationContext context) => _json = new JsonSerializationWriter(context);

    /// <summary>A writer that writes NaN and the infinities as the strings <c>"NaN"</c>, <c>"Infinity"</c> and
    /// <c>"-Infinity"</c> (System.Text.Json's named literals) instead of refusing them.</summary>
    internal HoneyHiveJsonSerializationWriter(bool nonFiniteAsNames)
        : this(KiotaJsonSerializationContext.Default)
    {
        _nonFiniteAsNames = nonFiniteAsNames;
    }

    /// <inheritdoc />
    public Action<IParsable>? OnBeforeObjectSerialization
    {
        get => _json.OnBeforeObjectSerialization;
        set => _json.OnBeforeObjectSerialization = value;
    }

    /// <inheritdoc />
    public Action<IParsable>? OnAfterObjectSerialization
    {
        get => _json.OnAfterObjectSerialization;
        set => _json.OnAfterObjectSerialization = value;
    }

    /// <inheritdoc />
    public Action<IParsable, ISerializationWriter>? OnStartObjectSerialization
    {
        get => _json.OnStartObjectSerialization;
        set => _json.OnStartObjectSerialization = value;
    }

    /// <inheritdoc />
    /// <remarks>A value JSON cannot hold (NaN, an infinity) anywhere inside is refused with an
    /// <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/> is the field's path
    /// (<c>events[3].duration</c>), where <see cref="System.Text.Json.Utf8JsonWriter"/> would name neither.</remarks>
    public void WriteObjectValue<T>(string? key, T? value, params IParsable?[] additionalValuesToMerge) where T : IParsable
    {
        // Kiota's models pass no values to merge except for intersection types: skip the filtering then.
        var merged = additionalValuesToMerge is { Length: > 0 } ? Array.FindAll(additionalValuesToMerge, static x => x is not null) : [];
        if (value is null && merged.Length == 0)
        {
            return;
        }

        _path.Enter(key);

        // Kiota's sequence of hooks, step for step (it calls OnAfterObjectSerialization twice for a free-form value).
        var node = value as UntypedNode;
        if (node is null)
        {
            WritePropertyName(key);
        }

        if (value is not null)
        {
            OnBeforeObjectSerialization?.Invoke(value);
        }

        if (node is not null)
        {
            OnStartObjectSerialization?.Invoke(node, this);
            WritePropertyName(key);
            JsonUntyped.WriteTo(_json.writer, node, _path, _nonFiniteAsNames);
            OnAfterObjectSerialization?.Invoke(node);
        }
        else
        {
            // A composed type of scalars writes its one value without braces.
            var scalar = value is IComposedTypeWrapper;
            if (!scalar)
            {
                _json.writer.WriteStartObject();
            }

            if (value is not null)
            {
                OnStartObjectSerialization?.Invoke(value, this);
                value.Serialize(this);
            }

            foreach (var part in merged)
            {
                OnBeforeObjectSerialization?.Invoke(part!);
                OnStartObjectSerialization?.Invoke(part!, this);
                part!.Serialize(this);
                OnAfterObjectSerialization?.Invoke(part);
            }

            if (!scalar)
            {
                _json.writer.WriteEndObject();
            }
        }

        if (value is not null)
        {
            OnAfterObjectSerialization?.Invoke(value);
        }

        _path.Leave();
    }

    /// <inheritdoc />
    public void WriteCollectionOfObjectValues<T>(string? key, IEnumerable<T>? values) where T : IParsable
    {
        if (values is null)
        {
            return;
        }

        WritePropertyName(key);
        _json.writer.WriteStartArray();
        _path.EnterArray(key);
        var index = 0;
        foreach (var item in values)
        {
            _path.At(index++);
            WriteObjectValue(null, item);
        }

        _path.Leave();
        _json.writer.WriteEndArray();
    }

    /// <inheritdoc />
    public void WriteEnumValue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(string? key, T? value) where T : struct, Enum
    {
        if (value is not { } member)
        {
            return;
        }

        if (EnumValues<T>.IsFlags)
        {
            _json.WriteEnumValue(key, value);
        }
        else
        {
            _json.WriteStringValue(key, EnumValues<T>.WireName(member));
        }
    }

    /// <inheritdoc />
    public void WriteCollectionOfEnumValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(string? key, IEnumerable<T?>? values) where T : struct, Enum =>
        _json.WriteCollectionOfEnumValues(key, values);

    /// <inheritdoc />
    public void WriteStringValue(string? key, string? value) => _json.WriteStringValue(key, value);

    /// <inheritdoc />
    public void WriteBoolValue(string? key, bool? value) => _json.WriteBoolValue(key, value);

    /// <inheritdoc />
    public void WriteByteValue(string? key, byte? value) => _json.WriteByteValue(key, value);

    /// <inheritdoc />
    public void WriteSbyteValue(string? key, sbyte? value) => _json.WriteSbyteValue(key, value);

    /// <inheritdoc />
    public void WriteIntValue(string? key, int? value) => _json.WriteIntValue(key, value);

    /// <inheritdoc />
    /// <remarks>NaN and the infinities are refused with an <see cref="ArgumentException"/> naming the field's path.</remarks>
    public void WriteFloatValue(string? key, float? value)
    {
        if (value is { } number && !float.IsFinite(number))
        {
            WriteNonFinite(key, number);
            return;
        }

        _json.WriteFloatValue(key, value);
    }

    /// <inheritdoc />
    public void WriteLongValue(string? key, long? value) => _json.WriteLongValue(key, value);

    /// <inheritdoc />
    /// <remarks>NaN and the infinities are refused with an <see cref="ArgumentException"/> naming the field's path.</remarks>
    public void WriteDoubleValue(string? key, double? value)
    {
        if (value is { } number && !double.IsFinite(number))
        {
            WriteNonFinite(key, number);
            return;
        }

        _json.WriteDoubleValue(key, value);
    }

    /// <inheritdoc />
    public void WriteDecimalValue(string? key, decimal? value) => _json.WriteDecimalValue(key, value);

    /// <inheritdoc />
    public void WriteGuidValue(string? key, Guid? value) => _json.WriteGuidValue(key, value);

    /// <inheritdoc />
    /// <remarks>As HoneyHive's own SDKs write them: UTC, to the millisecond (<c>"2024-04-01T00:00:00.000Z"</c>);
    /// Kiota's writer would write the offset form (<c>"2024-04-01T00:00:00+00:00"</c>).</remarks>
    public void WriteDateTimeOffsetValue(string? key, DateTimeOffset? value)
    {
        if (value is { } instant)
        {
            _json.WriteStringValue(key, instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
    }

    /// <inheritdoc />
    public void WriteTimeSpanValue(string? key, TimeSpan? value) => _json.WriteTimeSpanValue(key, value);

    /// <inheritdoc />
    public void WriteDateValue(string? key, Date? value) => _json.WriteDateValue(key, value);

    /// <inheritdoc />
    public void WriteTimeValue(string? key, Time? value) => _json.WriteTimeValue(key, value);

    /// <inheritdoc />
    public void WriteCollectionOfPrimitiveValues<T>(string? key, IEnumerable<T>? values)
    {
        if (values is null)
        {
            return;
        }

        if (_nonFiniteAsNames && NonFiniteNumbers.In(values))
        {
            WritePropertyName(key);
            _json.writer.WriteStartArray();
            foreach (var item in values)
            {
                WriteAnyPrimitive(null, item);
            }

            _json.writer.WriteEndArray();
            return;
        }

        try
        {
            _json.WriteCollectionOfPrimitiveValues(key, values);
        }
        catch (ArgumentException ex) when (values.Cast<object?>().ToList().FindIndex(NonFiniteNumbers.In) is var index and >= 0)
        {
            throw _path.Refuse($"{key}[{index}]", "NaN or an infinity is not a JSON number", ex);
        }
    }

    /// <inheritdoc />
    public void WriteByteArrayValue(string? key, byte[]? value) => _json.WriteByteArrayValue(key, value);

    /// <inheritdoc />
    public void WriteNullValue(string? key) => _json.WriteNullValue(key);

    /// <inheritdoc />
    public void WriteAdditionalData(IDictionary<string, object> value)
    {
        if (value is null)
        {
            return;
        }

        if (_nonFiniteAsNames && NonFiniteNumbers.In(value.Values))
        {
            foreach (var (name, item) in value)
            {
                WriteAnyPrimitive(name, item);
            }

            return;
        }

        try
        {
            _json.WriteAdditionalData(value);
        }
        catch (ArgumentException ex) when (value.FirstOrDefault(entry => NonFiniteNumbers.In(entry.Value)) is { Key: { } name })
        {
            throw _path.Refuse(name, "it holds NaN or an infinity, which are not JSON numbers", ex);
        }
    }

    /// <inheritdoc />
    public Stream GetSerializedContent() => _json.GetSerializedContent();

    /// <inheritdoc />
    public void Dispose() => _json.Dispose();

    private void WriteNonFinite(string? key, double number)
    {
        if (!_nonFiniteAsNames)
        {
            throw _path.Refuse(key, NonFiniteNumbers.Reason(number));
        }

        _json.WriteStringValue(key, NonFiniteNumbers.Name(number));
    }

    // Only on the dead-letter path, for values holding a non-finite number: numbers and free-form trees through this
    // writer, anything else through Kiota's (one entry at a time).
    private void WriteAnyPrimitive(string? key, object? value)
    {
        switch (value)
        {
            case double number:
                WriteDoubleValue(key, number);
                break;
            case float number:
                WriteFloatValue(key, number);
                break;
            case UntypedNode node:
                WriteObjectValue(key, node);
                break;
            case null:
                WriteNullValue(key);
                break;
            case string text:
                WriteStringValue(key, text);
                break;
            case bool flag:
                WriteBoolValue(key, flag);
                break;
            case int number:
                WriteIntValue(key, number);
                break;
            case long number:
                WriteLongValue(key, number);
                break;
            case decimal number:
                WriteDecimalValue(key, number);
                break;
            case System.Collections.IEnumerable items:
                WriteCollectionOfPrimitiveValues(key, items.Cast<object?>());
                break;
            case var other when key is not null:
                _json.WriteAdditionalData(new Dictionary<string, object>(1) { [key] = other });
                break;
            default:
                // An exotic item in a list that also holds a non-finite number: its text keeps the line valid JSON.
                WriteStringValue(null, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private void WritePropertyName(string? key)
    {
        if (!string.IsNullOrEmpty(key))
        {
            _json.writer.WritePropertyName(key);
        }
    }
}
