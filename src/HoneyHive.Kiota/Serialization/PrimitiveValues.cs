using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.Serialization;

/// <summary>Reads a value of one of Kiota's primitive types from a parse node, chosen by type at run time
/// (collections of primitives, primitive responses).</summary>
internal static class PrimitiveValues
{
    /// <summary>Reads the value with the node's getter for <paramref name="type"/>.</summary>
    /// <param name="type">The primitive type (not nullable).</param>
    /// <param name="node">The node.</param>
    /// <param name="value">The value, or null when the node holds none of that type.</param>
    /// <returns>False when Kiota has no getter for the type.</returns>
    public static bool TryRead(Type type, IParseNode node, out object? value)
    {
        value = type == typeof(string) ? node.GetStringValue()
            : type == typeof(bool) ? node.GetBoolValue()
            : type == typeof(int) ? node.GetIntValue()
            : type == typeof(long) ? node.GetLongValue()
            : type == typeof(double) ? node.GetDoubleValue()
            : type == typeof(float) ? node.GetFloatValue()
            : type == typeof(decimal) ? node.GetDecimalValue()
            : type == typeof(byte) ? node.GetByteValue()
            : type == typeof(sbyte) ? node.GetSbyteValue()
            : type == typeof(Guid) ? node.GetGuidValue()
            : type == typeof(DateTimeOffset) ? node.GetDateTimeOffsetValue()
            : type == typeof(TimeSpan) ? node.GetTimeSpanValue()
            : type == typeof(Date) ? node.GetDateValue()
            : type == typeof(Time) ? node.GetTimeValue()
            : null;
        return value is not null || IsPrimitive(type);
    }

    private static bool IsPrimitive(Type type) =>
        type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(double)
        || type == typeof(float) || type == typeof(decimal) || type == typeof(byte) || type == typeof(sbyte) || type == typeof(Guid)
        || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Date) || type == typeof(Time);
}
