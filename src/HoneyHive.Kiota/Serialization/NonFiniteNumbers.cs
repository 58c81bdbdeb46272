using HoneyHive.Kiota.Serialization.Untyped;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.Serialization;

/// <summary>NaN and the infinities: what .NET numbers hold and JSON numbers cannot.</summary>
internal static class NonFiniteNumbers
{
    /// <summary>The name System.Text.Json's named literals give it: <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.</summary>
    public static string Name(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "Infinity" : "-Infinity";

    public static string Reason(double value) => $"{Name(value)} is not a JSON number";

    /// <summary>Whether <paramref name="value"/> (a number, a free-form tree, a list of values) holds a non-finite number.</summary>
    public static bool In(object? value) => value switch
    {
        double number => !double.IsFinite(number),
        float number => !float.IsFinite(number),
        UntypedDouble number => !double.IsFinite(number.GetValue()),
        UntypedFloat number => !float.IsFinite(number.GetValue()),
        UntypedNode node when JsonUntyped.TryGetUnread(node, out _) => false,
        UntypedObject obj => obj.GetValue().Values.Any(In),
        UntypedArray array => array.GetValue().Any(In),
        string => false,
        System.Collections.IEnumerable items => items.Cast<object?>().Any(In),
        _ => false,
    };
}
