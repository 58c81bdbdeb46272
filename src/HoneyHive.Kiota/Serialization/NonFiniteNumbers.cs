namespace HoneyHive.Kiota.Serialization;

/// <summary>NaN and the infinities: what .NET numbers hold and JSON numbers cannot.</summary>
internal static class NonFiniteNumbers
{
    /// <summary>The name System.Text.Json's named literals give it: <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.</summary>
    public static string Name(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "Infinity" : "-Infinity";

    public static string Reason(double value) => $"{Name(value)} is not a JSON number";
}
