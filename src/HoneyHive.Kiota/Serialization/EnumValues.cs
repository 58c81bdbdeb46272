using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// The wire names of a Kiota enum (its <see cref="EnumMemberAttribute"/> values), looked up once per enum
/// type and matched against UTF-8 JSON without allocating.
/// </summary>
/// <remarks>
/// Kiota reads an enum by reflecting over its fields for every value. A page of events has one per
/// event. A value matches its wire name exactly, as the API sends it. Kiota would also accept the C# member
/// name in any case (<c>"MODEL"</c>); here that, like a newer API's addition, does not fit, and the reader
/// keeps the raw value as additional data rather than guess. Flags enums are left to Kiota's reader.
/// </remarks>
/// <typeparam name="T">The enum.</typeparam>
internal static class EnumValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>
    where T : struct, Enum
{
    private static readonly (byte[] WireName, string Text, T Value)[] Members = Load();

    public static bool IsFlags { get; } = typeof(T).IsDefined(typeof(FlagsAttribute), inherit: false);

    public static bool TryRead(JsonElement value, out T result)
    {
        foreach (var member in Members)
        {
            if (value.ValueEquals(member.WireName))
            {
                result = member.Value;
                return true;
            }
        }

        result = default;
        return false;
    }

    /// <summary>The wire name of a defined member; false for a value the enum does not define, which Kiota's
    /// writer refuses too.</summary>
    public static bool TryGetWireName(T value, [NotNullWhen(true)] out string? wireName)
    {
        foreach (var member in Members)
        {
            if (EqualityComparer<T>.Default.Equals(member.Value, value))
            {
                wireName = member.Text;
                return true;
            }
        }

        wireName = null;
        return false;
    }

    /// <summary>A flags value as Kiota's writer writes it: the wire name of every defined member it has (zero
    /// included), in value order, joined by commas.</summary>
    public static string FlagsText(T value)
    {
        var names = new List<string>();
        foreach (var member in Enum.GetValues<T>())
        {
            if (value.HasFlag(member))
            {
                names.Add(TryGetWireName(member, out var name) ? name : member.ToString());
            }
        }

        return string.Join(',', names);
    }

    private static (byte[], string, T)[] Load()
    {
        var fields = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static);
        var members = new (byte[], string, T)[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var text = fields[i].GetCustomAttribute<EnumMemberAttribute>()?.Value ?? fields[i].Name;
            members[i] = (Encoding.UTF8.GetBytes(text), text, (T)fields[i].GetValue(null)!);
        }

        return members;
    }
}
