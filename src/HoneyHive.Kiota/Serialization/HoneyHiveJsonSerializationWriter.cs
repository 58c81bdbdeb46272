using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using HoneyHive.Kiota.Serialization.Untyped;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// Kiota's JSON writing rules on a <see cref="Utf8JsonWriter"/> of its own: models, hooks, composed types and
/// values written as Kiota's <see cref="JsonSerializationWriter"/> writes them, free-form values as the JSON they
/// were read from, enums without reflection, and a value JSON cannot hold refused with the path of its field.
/// </summary>
/// <remarks>
/// Kiota's writer walks an <see cref="UntypedNode"/> member by member, which opens every level of a value this
/// library read lazily, finds an enum's wire name by reflection on each write, and reaches System.Xml (for
/// durations) and reflection over arbitrary objects (for unknown additional data) from every write of additional
/// data, which NativeAOT then links into every app. This writer writes date-times as HoneyHive's own SDKs do
/// (UTC, milliseconds, <c>Z</c>). Additional data with no JSON rule (not a primitive, model, free-form node,
/// <see cref="JsonElement"/>, string-keyed dictionary or list), which Kiota's writer writes as the object's public
/// properties by reflection, is refused with an <see cref="ArgumentException"/> naming the field.
/// </remarks>
public sealed class HoneyHiveJsonSerializationWriter : ISerializationWriter
{
    private readonly PooledJsonBuffer _buffer = new();
    private readonly Utf8JsonWriter _writer;
    private readonly JsonWritePath _path = new();
    private MemoryStream? _content;

    // For the sink's dead-letter file only: a value JSON cannot hold is written as its name ("NaN"), and a value
    // this writer cannot write as its text, instead of refusing the event, so every failed event keeps its line.
    private readonly bool _lenient;

    /// <summary>A writer with Kiota's default JSON settings.</summary>
    public HoneyHiveJsonSerializationWriter()
        : this(KiotaJsonSerializationContext.Default)
    {
    }

    /// <summary>A writer with the encoder and indentation of <paramref name="context"/>'s options, as Kiota's
    /// <see cref="JsonSerializationWriter(KiotaJsonSerializationContext)"/>.</summary>
    /// <param name="context">The serialization context.</param>
    public HoneyHiveJsonSerializationWriter(KiotaJsonSerializationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            Encoder = context.Options.Encoder,
            Indented = context.Options.WriteIndented,
        });
    }

    /// <summary>A writer that writes NaN and the infinities as the strings <c>"NaN"</c>, <c>"Infinity"</c> and
    /// <c>"-Infinity"</c> (System.Text.Json's named literals), and additional data it cannot write as JSON as its
    /// text, instead of refusing them.</summary>
    internal HoneyHiveJsonSerializationWriter(bool nonFiniteAsNames)
        : this(KiotaJsonSerializationContext.Default)
    {
        _lenient = nonFiniteAsNames;
    }

    /// <inheritdoc />
    public Action<IParsable>? OnBeforeObjectSerialization { get; set; }

    /// <inheritdoc />
    public Action<IParsable>? OnAfterObjectSerialization { get; set; }

    /// <inheritdoc />
    public Action<IParsable, ISerializationWriter>? OnStartObjectSerialization { get; set; }

    /// <inheritdoc />
    /// <remarks>A value JSON cannot hold (NaN, an infinity) anywhere inside is refused with an
    /// <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/> is the field's path
    /// (<c>events[3].duration</c>), where <see cref="Utf8JsonWriter"/> would name neither.</remarks>
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
            JsonUntyped.WriteTo(_writer, node, _path, _lenient);
            OnAfterObjectSerialization?.Invoke(node);
        }
        else
        {
            // A composed type of scalars writes its one value without braces.
            var scalar = value is IComposedTypeWrapper;
            if (!scalar)
            {
                _writer.WriteStartObject();
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
                _writer.WriteEndObject();
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
        _writer.WriteStartArray();
        _path.EnterArray(key);
        var index = 0;
        foreach (var item in values)
        {
            _path.At(index++);
            WriteObjectValue(null, item);
        }

        _path.Leave();
        _writer.WriteEndArray();
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
            WriteStringValue(key, EnumValues<T>.FlagsText(member));
        }
        else if (EnumValues<T>.TryGetWireName(member, out var wireName))
        {
            WriteStringValue(key, wireName);
        }
        else
        {
            // Kiota's writer throws here too; the path says which field, and a number the API would not know is
            // not sent.
            throw _path.Refuse(key, $"{member} is not a value of {typeof(T).Name}");
        }
    }

    /// <inheritdoc />
    public void WriteCollectionOfEnumValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(string? key, IEnumerable<T?>? values) where T : struct, Enum
    {
        if (values is null)
        {
            return;
        }

        // As Kiota's: a null item writes nothing.
        WritePropertyName(key);
        _writer.WriteStartArray();
        foreach (var item in values)
        {
            WriteEnumValue(null, item);
        }

        _writer.WriteEndArray();
    }

    /// <inheritdoc />
    public void WriteStringValue(string? key, string? value)
    {
        if (value is not null)
        {
            WritePropertyName(key);
            _writer.WriteStringValue(value);
        }
    }

    /// <inheritdoc />
    public void WriteBoolValue(string? key, bool? value)
    {
        if (value is { } flag)
        {
            WritePropertyName(key);
            _writer.WriteBooleanValue(flag);
        }
    }

    /// <inheritdoc />
    public void WriteByteValue(string? key, byte? value) => WriteIntValue(key, value);

    /// <inheritdoc />
    public void WriteSbyteValue(string? key, sbyte? value) => WriteIntValue(key, value);

    /// <inheritdoc />
    public void WriteIntValue(string? key, int? value)
    {
        if (value is { } number)
        {
            WritePropertyName(key);
            _writer.WriteNumberValue(number);
        }
    }

    /// <inheritdoc />
    /// <remarks>NaN and the infinities are refused with an <see cref="ArgumentException"/> naming the field's path.</remarks>
    public void WriteFloatValue(string? key, float? value)
    {
        if (value is not { } number)
        {
            return;
        }

        if (!float.IsFinite(number))
        {
            WriteNonFinite(key, number);
            return;
        }

        // As a float: widened to double, 0.1f would be written 0.10000000149011612.
        WritePropertyName(key);
        _writer.WriteNumberValue(number);
    }

    /// <inheritdoc />
    public void WriteLongValue(string? key, long? value)
    {
        if (value is { } number)
        {
            WritePropertyName(key);
            _writer.WriteNumberValue(number);
        }
    }

    /// <inheritdoc />
    /// <remarks>NaN and the infinities are refused with an <see cref="ArgumentException"/> naming the field's path.</remarks>
    public void WriteDoubleValue(string? key, double? value)
    {
        if (value is not { } number)
        {
            return;
        }

        if (!double.IsFinite(number))
        {
            WriteNonFinite(key, number);
            return;
        }

        WritePropertyName(key);
        _writer.WriteNumberValue(number);
    }

    /// <inheritdoc />
    public void WriteDecimalValue(string? key, decimal? value)
    {
        if (value is { } number)
        {
            WritePropertyName(key);
            _writer.WriteNumberValue(number);
        }
    }

    /// <inheritdoc />
    public void WriteGuidValue(string? key, Guid? value)
    {
        if (value is { } id)
        {
            WritePropertyName(key);
            _writer.WriteStringValue(id);
        }
    }

    /// <inheritdoc />
    /// <remarks>As HoneyHive's own SDKs write them: UTC, to the millisecond (<c>"2024-04-01T00:00:00.000Z"</c>);
    /// Kiota's writer would write the offset form (<c>"2024-04-01T00:00:00+00:00"</c>).</remarks>
    public void WriteDateTimeOffsetValue(string? key, DateTimeOffset? value)
    {
        if (value is { } instant)
        {
            WriteStringValue(key, instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
    }

    /// <inheritdoc />
    /// <remarks>As an ISO 8601 duration (<c>"PT1H30M"</c>), as Kiota's writer writes it.</remarks>
    public void WriteTimeSpanValue(string? key, TimeSpan? value)
    {
        if (value is { } duration)
        {
            WriteStringValue(key, IsoDuration.Format(duration));
        }
    }

    /// <inheritdoc />
    public void WriteDateValue(string? key, Date? value) => WriteStringValue(key, value?.ToString());

    /// <inheritdoc />
    public void WriteTimeValue(string? key, Time? value) => WriteStringValue(key, value?.ToString());

    /// <inheritdoc />
    public void WriteCollectionOfPrimitiveValues<T>(string? key, IEnumerable<T>? values)
    {
        if (values is not null)
        {
            WriteItems(key, values);
        }
    }

    /// <inheritdoc />
    public void WriteByteArrayValue(string? key, byte[]? value)
    {
        if (value is not null)
        {
            WritePropertyName(key);
            _writer.WriteBase64StringValue(value);
        }
    }

    /// <inheritdoc />
    public void WriteNullValue(string? key)
    {
        WritePropertyName(key);
        _writer.WriteNullValue();
    }

    /// <inheritdoc />
    public void WriteAdditionalData(IDictionary<string, object> value)
    {
        if (value is null)
        {
            return;
        }

        foreach (var (name, item) in value)
        {
            WriteAnyValue(name, item);
        }
    }

    /// <inheritdoc />
    /// <remarks>The stream owns the written bytes (a pooled array) and gives them back when disposed; nothing more
    /// can be written after this.</remarks>
    public Stream GetSerializedContent()
    {
        _writer.Flush();
        _content ??= _buffer.Detach();
        _content.Position = 0;
        return _content;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        _buffer.Dispose();
    }

    // Kiota's rules for a value known only at run time (additional data, items of a primitive list), in its order.
    private void WriteAnyValue(string? key, object? value)
    {
        switch (value)
        {
            case string text:
                WriteStringValue(key, text);
                break;
            case bool flag:
                WriteBoolValue(key, flag);
                break;
            case byte number:
                WriteByteValue(key, number);
                break;
            case sbyte number:
                WriteSbyteValue(key, number);
                break;
            case int number:
                WriteIntValue(key, number);
                break;
            case float number:
                WriteFloatValue(key, number);
                break;
            case long number:
                WriteLongValue(key, number);
                break;
            case double number:
                WriteDoubleValue(key, number);
                break;
            case decimal number:
                WriteDecimalValue(key, number);
                break;
            case Guid id:
                WriteGuidValue(key, id);
                break;
            case DateTimeOffset instant:
                WriteDateTimeOffsetValue(key, instant);
                break;
            case TimeSpan duration:
                WriteTimeSpanValue(key, duration);
                break;
            case UntypedNode node:
                // Without the hooks, as Kiota's writer writes a free-form value in additional data.
                WritePropertyName(key);
                _path.Enter(key);
                JsonUntyped.WriteTo(_writer, node, _path, _lenient);
                _path.Leave();
                break;
            case IParsable model:
                WriteObjectValue(key, model);
                break;
            case Date date:
                WriteDateValue(key, date);
                break;
            case DateTime dateTime:
                WriteDateTimeOffsetValue(key, new DateTimeOffset(dateTime));
                break;
            case Time time:
                WriteTimeValue(key, time);
                break;
            case JsonElement json:
                WritePropertyName(key);
                json.WriteTo(_writer);
                break;
            case IDictionary dictionary:
                WriteDictionary(key, dictionary);
                break;
            case IEnumerable items:
                WriteItems(key, items);
                break;
            case null:
                WriteNullValue(key);
                break;
            default:
                WriteUnknown(key, value);
                break;
        }
    }

    private void WriteItems(string? key, IEnumerable items)
    {
        WritePropertyName(key);
        _writer.WriteStartArray();
        _path.EnterArray(key);
        var index = 0;
        foreach (var item in items)
        {
            _path.At(index++);
            WriteAnyValue(null, item);
        }

        _path.Leave();
        _writer.WriteEndArray();
    }

    private void WriteDictionary(string? key, IDictionary dictionary)
    {
        WritePropertyName(key);
        _writer.WriteStartObject();
        _path.Enter(key);
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string name)
            {
                throw _path.Refuse(null, $"a dictionary keyed by {entry.Key.GetType().Name} is not a JSON object (only string keys are)");
            }

            WriteAnyValue(name, entry.Value);
        }

        _path.Leave();
        _writer.WriteEndObject();
    }

    private void WriteUnknown(string? key, object value)
    {
        if (!_lenient)
        {
            throw _path.Refuse(key, $"a {value.GetType().Name} is not a value this writer knows (primitives, models, free-form nodes, JsonElement, dictionaries and lists are)");
        }

        WriteStringValue(key, Convert.ToString(value, CultureInfo.InvariantCulture));
    }

    private void WriteNonFinite(string? key, double number)
    {
        if (!_lenient)
        {
            throw _path.Refuse(key, NonFiniteNumbers.Reason(number));
        }

        WriteStringValue(key, NonFiniteNumbers.Name(number));
    }

    private void WritePropertyName(string? key)
    {
        if (!string.IsNullOrEmpty(key))
        {
            _writer.WritePropertyName(key);
        }
    }
}
