using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.Serialization;

/// <summary>Reads a value of one of Kiota's primitive types from a parse node, chosen by type at run time
/// (collections of primitives, primitive responses).</summary>
/// <remarks>On this library's node, not <see cref="IParseNode"/>: a call through the interface would make
/// NativeAOT keep every implementation of each getter, Kiota's own node's XmlConvert-based duration reader
/// among them (see <see cref="IsoDuration"/>).</remarks>
internal static class PrimitiveValues
{
    private static readonly Dictionary<Type, Func<HoneyHiveJsonParseNode, object?>> Readers = new()
    {
        [typeof(string)] = node => node.GetStringValue(),
        [typeof(bool)] = node => node.GetBoolValue(),
        [typeof(int)] = node => node.GetIntValue(),
        [typeof(long)] = node => node.GetLongValue(),
        [typeof(double)] = node => node.GetDoubleValue(),
        [typeof(float)] = node => node.GetFloatValue(),
        [typeof(decimal)] = node => node.GetDecimalValue(),
        [typeof(byte)] = node => node.GetByteValue(),
        [typeof(sbyte)] = node => node.GetSbyteValue(),
        [typeof(Guid)] = node => node.GetGuidValue(),
        [typeof(DateTimeOffset)] = node => node.GetDateTimeOffsetValue(),
        [typeof(TimeSpan)] = node => node.GetTimeSpanValue(),
        [typeof(Date)] = node => node.GetDateValue(),
        [typeof(Time)] = node => node.GetTimeValue(),
    };

    /// <summary>Reads the value with the node's getter for <paramref name="type"/>.</summary>
    /// <param name="type">The primitive type (not nullable).</param>
    /// <param name="node">The node.</param>
    /// <param name="value">The value, or null when the node holds none of that type.</param>
    /// <returns>False when Kiota has no getter for the type.</returns>
    public static bool TryRead(Type type, HoneyHiveJsonParseNode node, out object? value)
    {
        value = Readers.TryGetValue(type, out var read) ? read(node) : null;
        return read is not null;
    }
}
