using System.Diagnostics.CodeAnalysis;

namespace HoneyHive.Kiota.Serialization;

/// <summary>The names Kiota enums have on the wire (<c>"is not"</c> for <c>EventFilterOperator.IsNot</c>).</summary>
public static class EnumWireNames
{
    /// <summary>The wire name of an enum value: its <see cref="System.Runtime.Serialization.EnumMemberAttribute"/>
    /// value, as Kiota writes it, or the member's name when it has none; a value the enum does not define, as its
    /// number.</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The wire name.</returns>
    public static string Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(T value)
        where T : struct, Enum => EnumValues<T>.TryGetWireName(value, out var wireName) ? wireName : value.ToString();
}
