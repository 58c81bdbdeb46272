using System.Collections;
using System.Reflection;
using System.Runtime.Serialization;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>
/// Seeded random instances of generated models: every settable property set, left unset (the constructor's
/// default stays) or explicitly null, with values meant to trip a reader (strings with quotes, backslashes,
/// control characters and emoji; extreme numbers; odd time-zone offsets), nested models to depth
/// <see cref="MaxDepth"/>, composed wrappers with one branch (anyOf: several), and unknown fields in
/// additional data. Derived models and wrapper branches get the discriminator value their factory maps.
/// </summary>
internal sealed class InstanceGenerator(ModelCatalog catalog, Random random)
{
    public const int MaxDepth = 3;

    private static readonly string[] StringPieces =
    [
        "a", "Zed", "42", " ", "é", "日本語", "😀", "👩‍👩‍👧", "\"", "\\", "/", "\n", "\r\n", "\t", "\u0001", "\u001f", "\u007f", "\u2028", "<script>", "&amp;", "'", "{}", "null",
    ];

    // Strings System.Text.Json would also read as a date, an offset date or a UUID (Kiota's additional data converts those).
    private static readonly string[] LookAlikes =
    [
        "2024-05-06T07:08:09Z", "2024-05-06T07:08:09.1234567+05:30", "2024-05-06", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "",
    ];

    private static readonly int[] OffsetMinutes = [0, 60, -300, 330, 345, -720, 840, -570, 525];

    /// <summary>How many JSON nulls were written for described properties (Kiota skips them; defaults stay).</summary>
    public int NullsWritten { get; private set; }

    /// <summary>A model of <paramref name="declared"/> or of a model its factory maps a discriminator value to.</summary>
    public IParsable CreateModel(Type declared, int depth)
    {
        var shape = catalog.Shape(declared);
        var concrete = declared;
        string? mapped = null;
        if (shape.Discriminator is { Types.Count: > 0 } discriminator && random.Next(3) > 0)
        {
            (mapped, concrete) = discriminator.Types.ElementAt(random.Next(discriminator.Types.Count));
        }

        var model = (IParsable)Activator.CreateInstance(concrete)!;
        var concreteShape = catalog.Shape(concrete);
        if (concreteShape.IsWrapper)
        {
            FillWrapper(model, concreteShape, depth);
        }
        else
        {
            FillModel(model, concreteShape, depth);
            if (mapped is not null)
            {
                SetDiscriminator(model, shape.Discriminator!.JsonName, mapped);
            }
        }

        return model;
    }

    private void FillModel(IParsable model, ModelShape shape, int depth)
    {
        var additional = model is IAdditionalDataHolder holder ? holder.AdditionalData ??= new Dictionary<string, object>() : null;
        foreach (var property in shape.Properties)
        {
            var roll = random.Next(10);
            if (roll < 3)
            {
                continue; // unset: the constructor's default stays
            }

            if (roll < 4)
            {
                property.Info.SetValue(model, null);
                if (additional is not null && random.Next(2) == 0)
                {
                    // Kiota's writer skips null properties; additional data writes a JSON null for the described name.
                    additional[property.JsonName] = null!;
                    NullsWritten++;
                }

                continue;
            }

            if (Value(property.Info.PropertyType, depth) is not { } value)
            {
                continue;
            }

            if (property.Written)
            {
                property.Info.SetValue(model, value);
            }
            else if (additional is not null)
            {
                // A readOnly property: Kiota reads it but does not write it, so its value goes out as additional data.
                additional[property.JsonName] = ForAdditionalData(value)!;
            }
        }

        if (additional is not null)
        {
            for (var i = random.Next(3); i > 0; i--)
            {
                var name = "x-unknown-" + random.Next(1000) + (random.Next(4) == 0 ? "-ünï" : string.Empty);
                if (shape.Properties.All(p => p.JsonName != name))
                {
                    additional[name] = UnknownValue()!;
                }
            }
        }
    }

    private void FillWrapper(IParsable wrapper, ModelShape shape, int depth)
    {
        var objects = shape.Branches.Where(b => ModelCatalog.Classify(b.PropertyType).Kind is PropertyKind.Model).ToList();
        if (shape.IsIntersection && objects.Count > 0 && random.Next(3) > 0)
        {
            // anyOf: several models at once, their properties merged into one object. Kiota's writer writes each
            // branch's properties, so a name two branches share is left to the first (one object has each key once).
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var branch in objects.Where(_ => random.Next(2) == 0).DefaultIfEmpty(objects[0]))
            {
                var member = CreateModel(branch.PropertyType, depth + 1);
                var names = catalog.Shape(member.GetType()).Properties;
                foreach (var property in names.Where(p => written.Contains(p.JsonName)))
                {
                    property.Info.SetValue(member, null);
                }

                var additional = (member as IAdditionalDataHolder)?.AdditionalData;
                foreach (var key in additional?.Keys.Where(written.Contains).ToList() ?? [])
                {
                    additional!.Remove(key);
                }

                written.UnionWith(names.Where(p => p.Info.GetValue(member) is not null).Select(p => p.JsonName));
                written.UnionWith(additional?.Keys ?? []);
                branch.SetValue(wrapper, member);
            }

            return;
        }

        var chosen = shape.Branches[random.Next(shape.Branches.Count)];
        var value = Value(chosen.PropertyType, depth, force: true);
        chosen.SetValue(wrapper, value);
        if (value is IParsable model && shape.Discriminator is { } discriminator
            && discriminator.Branches.FirstOrDefault(pair => pair.Value == chosen) is { Key: { } mapped }
            && (discriminator.JsonName.Length > 0 || random.Next(2) == 0))
        {
            // A oneOf without a discriminator asks for the property ""; writing one half the time covers both paths.
            SetDiscriminator(model, discriminator.JsonName, mapped);
        }
    }

    // The discriminator on the model: its own property when Kiota writes it (a string, or an enum whose wire
    // name is the value), else additional data.
    private void SetDiscriminator(IParsable model, string jsonName, string value)
    {
        // Kiota's factory for a oneOf without a discriminator asks for the property "": there is nothing to write
        // (Kiota's writer takes an empty key for "no key" and would write invalid JSON).
        if (jsonName.Length == 0)
        {
            return;
        }

        var property = catalog.Shape(model.GetType()).Properties.FirstOrDefault(p => p.JsonName == jsonName);
        (model as IAdditionalDataHolder)?.AdditionalData?.Remove(jsonName);
        if (property is { Written: true } && property.ValueType == typeof(string))
        {
            property.Info.SetValue(model, value);
            return;
        }

        if (property is { Written: true, Kind: PropertyKind.Enum } && EnumMembers(property.ValueType).FirstOrDefault(m => m.Wire == value) is { Value: { } member })
        {
            property.Info.SetValue(model, member);
            return;
        }

        property?.Info.SetValue(model, null);
        if (model is IAdditionalDataHolder holder)
        {
            (holder.AdditionalData ??= new Dictionary<string, object>())[jsonName] = value;
        }
    }

    /// <summary>A value for a property of <paramref name="type"/>; null for models past <see cref="MaxDepth"/> unless forced.</summary>
    public object? Value(Type type, int depth, bool force = false)
    {
        var (kind, valueType, itemsNullable) = ModelCatalog.Classify(type);
        switch (kind)
        {
            case PropertyKind.Model or PropertyKind.Wrapper:
                return depth < MaxDepth || force ? CreateModel(valueType, depth + 1) : null;
            case PropertyKind.Untyped:
                return Untyped(depth);
            case PropertyKind.Enum:
                return EnumValue(valueType);
            case PropertyKind.List:
                var list = (IList)Activator.CreateInstance(Nullable.GetUnderlyingType(type) ?? type)!;
                var itemKind = ModelCatalog.Classify(valueType).Kind;
                if (itemKind is PropertyKind.Model or PropertyKind.Wrapper && depth >= MaxDepth && !force)
                {
                    return list;
                }

                for (var i = random.Next(4); i > 0; i--)
                {
                    list.Add(itemsNullable && random.Next(4) == 0 ? null : Value(valueType, depth, force: true));
                }

                return list;
            default:
                return Scalar(valueType);
        }
    }

    private object Scalar(Type type)
    {
        if (type == typeof(string)) return RandomString();
        if (type == typeof(bool)) return random.Next(2) == 0;
        if (type == typeof(int)) return random.Next(5) switch { 0 => 0, 1 => int.MaxValue, 2 => int.MinValue, _ => random.Next(int.MinValue, int.MaxValue) };
        if (type == typeof(long)) return random.Next(4) switch { 0 => long.MaxValue, 1 => long.MinValue, 2 => (long)random.Next(), _ => random.NextInt64() - (long.MaxValue / 2) };
        if (type == typeof(float)) return random.Next(6) == 0 ? float.MaxValue : (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 30)));
        if (type == typeof(double)) return random.Next(6) == 0 ? double.MinValue : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300));
        if (type == typeof(decimal)) return new decimal(random.Next(), random.Next(), random.Next(0, 1 << 20), random.Next(2) == 0, (byte)random.Next(0, 12));
        if (type == typeof(Guid)) return new Guid(Bytes(16));
        if (type == typeof(DateTimeOffset))
        {
            var offset = TimeSpan.FromMinutes(OffsetMinutes[random.Next(OffsetMinutes.Length)]);
            var ticks = new DateTime(1950, 1, 1).Ticks + (long)(random.NextDouble() * (new DateTime(2100, 1, 1) - new DateTime(1950, 1, 1)).Ticks);
            return new DateTimeOffset(random.Next(3) == 0 ? ticks - (ticks % TimeSpan.TicksPerSecond) : ticks, offset);
        }

        if (type == typeof(Date)) return new Date(random.Next(1, 9999), random.Next(1, 13), random.Next(1, 29));
        if (type == typeof(Time)) return new Time(random.Next(24), random.Next(60), random.Next(60));
        if (type == typeof(TimeSpan)) return TimeSpan.FromTicks((random.NextInt64(-100 * TimeSpan.TicksPerDay, 100 * TimeSpan.TicksPerDay) / 10000) * 10000);
        if (type == typeof(byte[])) return Bytes(random.Next(9));
        if (type == typeof(byte)) return (byte)random.Next(256);
        if (type == typeof(sbyte)) return (sbyte)random.Next(-128, 128);
        throw new NotSupportedException($"No values for {type}");
    }

    private object EnumValue(Type type)
    {
        var members = EnumMembers(type);
        if (type.IsDefined(typeof(FlagsAttribute)))
        {
            var first = Convert.ToInt64(members[random.Next(members.Count)].Value, System.Globalization.CultureInfo.InvariantCulture);
            var second = Convert.ToInt64(members[random.Next(members.Count)].Value, System.Globalization.CultureInfo.InvariantCulture);
            return Enum.ToObject(type, random.Next(2) == 0 ? first : first | second);
        }

        return members[random.Next(members.Count)].Value;
    }

    /// <summary>The enum's members and their wire names.</summary>
    public static IReadOnlyList<(string Wire, object Value)> EnumMembers(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name, f.GetValue(null)!))
            .ToList();

    private string RandomString()
    {
        if (random.Next(10) == 0)
        {
            return LookAlikes[random.Next(LookAlikes.Length)];
        }

        var builder = new System.Text.StringBuilder();
        for (var i = random.Next(6); i > 0; i--)
        {
            builder.Append(StringPieces[random.Next(StringPieces.Length)]);
        }

        return builder.ToString();
    }

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private UntypedNode Untyped(int depth) => random.Next(depth < MaxDepth ? 10 : 8) switch
    {
        0 => new UntypedString(RandomString()),
        1 => new UntypedInteger(random.Next(int.MinValue, int.MaxValue)),
        2 => new UntypedLong(random.NextInt64(long.MinValue, long.MaxValue) | (1L << 40)),
        3 => new UntypedDouble((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300))),
        4 => new UntypedDecimal(new decimal(random.Next(), random.Next(), 0, random.Next(2) == 0, (byte)random.Next(1, 10))),
        5 => new UntypedBoolean(random.Next(2) == 0),
        6 => new UntypedNull(),
        7 => new UntypedString(LookAlikes[random.Next(LookAlikes.Length)]),
        8 => new UntypedObject(Enumerable.Range(0, random.Next(4)).ToDictionary(i => $"k{i}{RandomString()}", _ => Untyped(depth + 1))),
        _ => new UntypedArray(Enumerable.Range(0, random.Next(4)).Select(_ => Untyped(depth + 1)).ToList()),
    };

    // An unknown field's value, of an assorted JSON type.
    private object? UnknownValue() => random.Next(10) switch
    {
        0 => RandomString(),
        1 => random.Next(),
        2 => random.NextInt64(),
        3 => (random.NextDouble() - 0.5) * 1e10,
        4 => new decimal(random.Next(), 0, 0, false, 3),
        5 => random.Next(2) == 0,
        6 => null,
        7 => (DateTimeOffset)Scalar(typeof(DateTimeOffset)),
        8 => new Guid(Bytes(16)),
        _ => Untyped(1),
    };

    // What Kiota's writer writes for additional data (WriteAnyValue) carrying a property's value.
    private static object? ForAdditionalData(object? value) => value switch
    {
        null => null,
        byte[] bytes => Convert.ToBase64String(bytes),
        Enum flags when flags.GetType().IsDefined(typeof(FlagsAttribute)) =>
            string.Join(",", EnumMembers(flags.GetType()).Where(m => Convert.ToInt64(m.Value, System.Globalization.CultureInfo.InvariantCulture) != 0 && flags.HasFlag((Enum)m.Value)).Select(m => m.Wire)),
        Enum member => EnumMembers(member.GetType()).First(m => m.Value.Equals(member)).Wire,
        IList list => list.Cast<object?>().Select(ForAdditionalData).ToList(),
        _ => value,
    };
}
