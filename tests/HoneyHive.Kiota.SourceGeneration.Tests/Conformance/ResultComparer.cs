using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>
/// Compares what the two parse nodes read from the same JSON, property by property and recursively: models by
/// runtime type and every described property, lists element-wise, free-form values and additional data as JSON
/// (numbers by value; stock's additional data turns date-like strings into DateTime/DateTimeOffset/Guid and
/// numbers into decimal or double, ours keeps JsonElement values, so ours is converted by stock's rules before
/// comparing). Each difference is classified (<see cref="DifferenceKind"/>).
/// </summary>
internal sealed class ResultComparer(ModelCatalog catalog)
{
    private readonly ConcurrentDictionary<Type, object> _fresh = new();

    public List<ConformanceDifference> Compare(object? stock, object? ours, JsonElement json)
    {
        var found = new List<ConformanceDifference>();
        CompareSlot(stock, ours, json, "$", found, null, null, null);
        return found;
    }

    // One place that holds a value: a model's property (ours' additional data and the JSON name given, so a value
    // ours kept raw can be recognised), a wrapper branch, a list item or the root.
    private void CompareSlot(object? stock, object? ours, JsonElement? json, string path, List<ConformanceDifference> found,
        IAdditionalDataHolder? oursHolder, string? jsonName, HashSet<string>? explained)
    {
        if (stock is null && ours is null)
        {
            // Both null; ours may still have kept the raw value (a string where a number belongs: stock drops it).
            if (KeptRaw(json, oursHolder, jsonName))
            {
                explained!.Add(jsonName!);
                found.Add(new ConformanceDifference(DifferenceKind.KeptRaw, path, Shorten(json!.Value.GetRawText()), "null", "null, raw JSON in AdditionalData"));
            }

            return;
        }

        if (stock is not null && ours is not null)
        {
            switch (stock)
            {
                // UntypedNode is IParsable too, with nothing for the model comparison to see: compared as JSON below.
                case IParsable when stock is not UntypedNode && stock.GetType() == ours.GetType():
                    CompareModel(stock, ours, json, path, found);
                    return;
                case IList stockList when ours is IList oursList && stockList.Count == oursList.Count && stock.GetType() == ours.GetType()
                    && (stockList.Count == 0 || ModelCatalog.Classify(stock.GetType()).ValueType is var item && typeof(IParsable).IsAssignableFrom(item)):
                    for (var i = 0; i < stockList.Count; i++)
                    {
                        var element = json is { ValueKind: JsonValueKind.Array } array && i < array.GetArrayLength() ? array[i] : (JsonElement?)null;
                        CompareSlot(stockList[i], oursList[i], element, $"{path}[{i}]", found, null, null, null);
                    }

                    return;
                default:
                    if (ValuesEqual(stock, ours))
                    {
                        return;
                    }

                    break;
            }
        }

        found.Add(Classify(stock, ours, json, path, oursHolder, jsonName, explained));
    }

    private static bool IsUndeclaredEnum(object? value) => value is Enum member && !Enum.IsDefined(member.GetType(), member);

    private ConformanceDifference Classify(object? stock, object? ours, JsonElement? json, string path,
        IAdditionalDataHolder? oursHolder, string? jsonName, HashSet<string>? explained)
    {
        DifferenceKind kind;
        if (ours is null && KeptRaw(json, oursHolder, jsonName))
        {
            explained!.Add(jsonName!);
            // An enum value the enum does not declare is stock's Enum.TryParse reading a number ("42"), not a value read.
            kind = IsEmpty(stock) || IsUndeclaredEnum(stock) ? DifferenceKind.KeptRaw : DifferenceKind.KeptRawWhereStockReadSome;
        }
        else
        {
            // Stock's null or empty model where ours read the value (an empty object is a value too when stock has null).
            kind = IsEmpty(stock) && ours is not null && (stock is null || !IsEmpty(ours)) ? DifferenceKind.StockLoses
                : ours is null && path == "$" ? DifferenceKind.RootNotRead
                : ours is null && jsonName is not null && oursHolder is null ? DifferenceKind.ClosedModelDrops
                : ours is null && IsEmpty(stock) ? DifferenceKind.NeitherKeeps
                : DifferenceKind.Unexplained;
        }

        return new ConformanceDifference(kind, path, json is { } j ? Shorten(j.GetRawText()) : "(absent)", Show(stock), Show(ours));
    }

    // Whether ours' additional data holds the property's JSON as it was (the documented place for a value that does not fit).
    private static bool KeptRaw(JsonElement? json, IAdditionalDataHolder? oursHolder, string? jsonName) =>
        jsonName is not null && json is { } value
        && oursHolder?.AdditionalData?.TryGetValue(jsonName, out var kept) == true && kept is JsonElement raw && raw.GetRawText() == value.GetRawText();

    private void CompareModel(object stock, object ours, JsonElement? json, string path, List<ConformanceDifference> found)
    {
        var shape = catalog.Shape(stock.GetType());
        if (shape.IsWrapper)
        {
            var branches = new List<ConformanceDifference>();
            foreach (var branch in shape.Branches)
            {
                CompareSlot(branch.GetValue(stock), branch.GetValue(ours), json, $"{path}.{branch.Name}", branches, null, null, null);
            }

            // Stock's wrapper holds nothing (its factory took a branch that read nothing: a list of objects for an
            // array of numbers) where ours took a branch that read the value: stock loses it, whatever the branches say.
            if (branches.Count > 0 && IsEmpty(stock) && !IsEmpty(ours))
            {
                found.Add(new ConformanceDifference(DifferenceKind.StockLoses, path, json is { } j ? Shorten(j.GetRawText()) : "(absent)", Show(stock), Show(ours)));
            }
            else
            {
                found.AddRange(branches);
            }

            CompareAdditionalData(stock, ours, json, path, shape, [], found);
            return;
        }

        var explained = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in shape.Properties)
        {
            var child = json is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(property.JsonName, out var c) ? c : (JsonElement?)null;
            CompareSlot(property.Info.GetValue(stock), property.Info.GetValue(ours), child, $"{path}.{property.JsonName}", found,
                ours as IAdditionalDataHolder, property.JsonName, explained);
        }

        CompareAdditionalData(stock, ours, json, path, shape, explained, found);
    }

    private void CompareAdditionalData(object stock, object ours, JsonElement? json, string path, ModelShape shape, HashSet<string> explained, List<ConformanceDifference> found)
    {
        if (stock is IAdditionalDataHolder stockHolder && ours is IAdditionalDataHolder oursHolder)
        {
            var stockData = stockHolder.AdditionalData ?? new Dictionary<string, object>();
            var oursData = oursHolder.AdditionalData ?? new Dictionary<string, object>();
            foreach (var key in stockData.Keys.Union(oursData.Keys).Where(k => !explained.Contains(k)).Order(StringComparer.Ordinal))
            {
                var inStock = stockData.TryGetValue(key, out var stockValue);
                var inOurs = oursData.TryGetValue(key, out var oursValue);
                if (!inStock || !inOurs || !AdditionalEqual(stockValue, oursValue))
                {
                    // An unknown field only ours kept: stock drops the unknown fields of a composed type's models (the
                    // wrapper keeps no additional data and Kiota reads the branch through the wrapper's deserializers).
                    // Or stock's free-form tree turned a number into something else (1e98 into float infinity, 3e-72
                    // into decimal 0) where ours kept the JSON as it was.
                    var stockDropped = (!inStock && shape.Properties.All(p => p.JsonName != key))
                        || (inStock && oursValue is JsonElement kept && stockValue is UntypedNode tree && UntypedEqualsJson(tree, kept, byStockRules: true));
                    found.Add(new ConformanceDifference(stockDropped ? DifferenceKind.StockLoses : DifferenceKind.Unexplained, $"{path}.AdditionalData[\"{key}\"]",
                        json is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(key, out var j) ? Shorten(j.GetRawText()) : "(absent)",
                        inStock ? Show(stockValue) : "(no entry)", inOurs ? Show(oursValue) : "(no entry)"));
                }
            }
        }
    }

    /// <summary>Whether a value holds nothing read from the JSON: null, an empty list, a model whose every property
    /// is its constructor's default and whose additional data is empty, a wrapper with no branch holding anything.</summary>
    public bool IsEmpty(object? value)
    {
        switch (value)
        {
            case null:
                return true;
            case IList list:
                // An empty list, or Kiota's list of empty models read from an array of scalars.
                return list.Count == 0 || list.Cast<object?>().All(item => item is IParsable && IsEmpty(item));
            case UntypedNode:
                return false;
            case IParsable model:
                var shape = catalog.Shape(model.GetType());
                if (shape.IsWrapper)
                {
                    return shape.Branches.All(b => IsEmpty(b.GetValue(model)));
                }

                var fresh = _fresh.GetOrAdd(model.GetType(), t => Activator.CreateInstance(t)!);
                return (model is not IAdditionalDataHolder holder || holder.AdditionalData is null || holder.AdditionalData.Count == 0)
                    && shape.Properties.All(p => p.Info.GetValue(model) is var v && p.Info.GetValue(fresh) is var d && (v is null ? d is null : d is not null && ValuesEqual(v, d)));
            default:
                return false;
        }
    }

    private static bool ValuesEqual(object stock, object ours) => (stock, ours) switch
    {
        (DateTimeOffset s, DateTimeOffset o) => s.EqualsExact(o),
        (byte[] s, byte[] o) => s.AsSpan().SequenceEqual(o),
        (UntypedNode s, UntypedNode o) => UntypedEqual(s, o),
        (IList s, IList o) => s.Count == o.Count && Enumerable.Range(0, s.Count).All(i => s[i] is null ? o[i] is null : o[i] is not null && ValuesEqual(s[i]!, o[i]!)),
        (double s, double o) => s.Equals(o),
        _ => stock.GetType() == ours.GetType() && stock.Equals(ours),
    };

    private static bool UntypedEqual(UntypedNode stock, UntypedNode ours) => (stock, ours) switch
    {
        (UntypedObject s, UntypedObject o) => s.GetValue() is var sp && o.GetValue() is var op && sp.Count == op.Count
            && sp.All(pair => op.TryGetValue(pair.Key, out var other) && UntypedEqual(pair.Value, other)),
        (UntypedArray s, UntypedArray o) => s.GetValue().ToList() is var si && o.GetValue().ToList() is var oi && si.Count == oi.Count
            && si.Zip(oi).All(pair => UntypedEqual(pair.First, pair.Second)),
        (UntypedString s, UntypedString o) => s.GetValue() == o.GetValue(),
        (UntypedBoolean s, UntypedBoolean o) => s.GetValue() == o.GetValue(),
        (UntypedNull, UntypedNull) => true,
        _ => Number(stock) is { } s && Number(ours) is { } o && s == o,
    };

    // A number node's value, exactly where decimal holds it, as the double's text otherwise.
    private static string? Number(UntypedNode node) => node switch
    {
        UntypedInteger n => n.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedLong n => n.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedDecimal n => n.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedFloat n => ((double)n.GetValue()).ToString("R", CultureInfo.InvariantCulture),
        UntypedDouble n => n.GetValue().ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };

    // Stock's value for an unknown field against ours (a JsonElement), read by stock's rules.
    private static bool AdditionalEqual(object? stock, object? ours)
    {
        if (ours is not JsonElement element)
        {
            return stock is null ? ours is null : ours is not null && ValuesEqual(stock, ours);
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return stock is null;
            case JsonValueKind.True or JsonValueKind.False:
                return stock is bool flag && flag == element.GetBoolean();
            case JsonValueKind.Number:
                return element.TryGetDecimal(out var exact)
                    ? stock is decimal d && d == exact
                    : stock is double n && element.TryGetDouble(out var approximate) && n.Equals(approximate);
            case JsonValueKind.String:
                if (element.TryGetDateTime(out var dateTime))
                {
                    return stock is DateTime s && s == dateTime && s.Kind == dateTime.Kind;
                }

                if (element.TryGetDateTimeOffset(out var offset))
                {
                    return stock is DateTimeOffset s && s.EqualsExact(offset);
                }

                if (element.TryGetGuid(out var guid))
                {
                    return stock is Guid s && s == guid;
                }

                return stock is string text && text == element.GetString();
            default:
                return stock is UntypedNode node && UntypedEqualsJson(node, element);
        }
    }

    // A free-form tree against JSON: numbers by value, or (byStockRules) as Kiota's node converts them.
    private static bool UntypedEqualsJson(UntypedNode node, JsonElement element, bool byStockRules = false) => (node, element.ValueKind) switch
    {
        (UntypedObject o, JsonValueKind.Object) => o.GetValue() is var properties && properties.Count == element.EnumerateObject().Count()
            && element.EnumerateObject().All(p => properties.TryGetValue(p.Name, out var v) && UntypedEqualsJson(v, p.Value, byStockRules)),
        (UntypedArray a, JsonValueKind.Array) => a.GetValue().ToList() is var items && items.Count == element.GetArrayLength()
            && items.Zip(element.EnumerateArray()).All(pair => UntypedEqualsJson(pair.First, pair.Second, byStockRules)),
        (_, JsonValueKind.Number) when byStockRules => Number(node) is { } n && n == Number(StockNumber(element)),
        (UntypedString s, JsonValueKind.String) => s.GetValue() == element.GetString(),
        (UntypedBoolean b, JsonValueKind.True or JsonValueKind.False) => b.GetValue() == element.GetBoolean(),
        (UntypedNull, JsonValueKind.Null) => true,
        (_, JsonValueKind.Number) => Number(node) is { } n && (element.TryGetDecimal(out var d)
            ? n == d.ToString(CultureInfo.InvariantCulture)
            : n == element.GetDouble().ToString("R", CultureInfo.InvariantCulture)),
        _ => false,
    };

    // Kiota's JsonParseNode order for a free-form number: int, long, decimal, float, double.
    private static UntypedNode StockNumber(JsonElement element) =>
        element.TryGetInt32(out var i) ? new UntypedInteger(i)
        : element.TryGetInt64(out var l) ? new UntypedLong(l)
        : element.TryGetDecimal(out var m) ? new UntypedDecimal(m)
        : element.TryGetSingle(out var f) ? new UntypedFloat(f)
        : new UntypedDouble(element.GetDouble());

    /// <summary>A short description of a value for messages.</summary>
    public string Show(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        byte[] b => "base64 " + Convert.ToBase64String(b),
        UntypedNode n => "untyped " + Shorten(UntypedText(n)),
        IList list => $"[{string.Join(", ", list.Cast<object?>().Take(4).Select(Show))}{(list.Count > 4 ? ", …" : string.Empty)}] ({list.Count} items)",
        IParsable model => $"{model.GetType().Name}{(IsEmpty(model) ? " (empty)" : string.Empty)}",
        JsonElement e => "JSON " + Shorten(e.GetRawText()),
        IFormattable f => $"{f.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => value.ToString() ?? value.GetType().Name,
    };

    private static string UntypedText(UntypedNode node) => node switch
    {
        UntypedObject o => "{" + string.Join(",", o.GetValue().Select(p => JsonSerializer.Serialize(p.Key) + ":" + UntypedText(p.Value))) + "}",
        UntypedArray a => "[" + string.Join(",", a.GetValue().Select(UntypedText)) + "]",
        UntypedString s => JsonSerializer.Serialize(s.GetValue()),
        UntypedBoolean b => b.GetValue() ? "true" : "false",
        UntypedNull => "null",
        _ => Number(node) + $"({node.GetType().Name})",
    };

    public static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
