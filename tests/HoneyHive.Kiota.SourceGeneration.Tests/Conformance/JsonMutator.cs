using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions;

namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>
/// Seeded mutations of a model's JSON, one per case, anywhere in the tree (nested models, list items, wrapper
/// branches): a value of the wrong JSON type for a described property, an unknown enum value, a JSON null where an
/// object is expected, an object where a scalar is expected, an array where an object is expected, and — for a
/// composed wrapper at the root — a bare scalar, array or object of a kind it may not hold.
/// </summary>
internal sealed class JsonMutator(ModelCatalog catalog, Random random)
{
    private sealed record Site(IReadOnlyList<string> Steps, ModelProperty Property);

    /// <summary>Up to <paramref name="count"/> mutated copies of <paramref name="json"/>, with what each changed.</summary>
    public IEnumerable<(string Change, string Json)> Mutate(Type rootType, string json, int count)
    {
        var root = JsonNode.Parse(json);
        var sites = new List<Site>();
        Collect(root, rootType, [], sites);
        var wrapperAtRoot = catalog.Shape(rootType).IsWrapper;
        for (var i = 0; i < count; i++)
        {
            if (sites.Count == 0 || (wrapperAtRoot && random.Next(3) == 0))
            {
                var bare = Pick("\"text\"", "42", "1.5", "true", "[1,\"a\"]", "{\"unexpected\":1}", "null", "[]");
                yield return ($"$ := {bare}", bare);
                continue;
            }

            var site = sites[random.Next(sites.Count)];
            var copy = root!.DeepClone();
            var parent = Navigate(copy, site.Steps);
            var replacement = Replacement(site.Property);
            parent[site.Property.JsonName] = JsonNode.Parse(replacement);
            yield return ($"{string.Concat(site.Steps.Select(s => "." + s))}.{site.Property.JsonName} := {replacement}", copy.ToJsonString());
        }
    }

    private string Replacement(ModelProperty property)
    {
        var type = property.ValueType;
        switch (property.Kind)
        {
            case PropertyKind.Model:
                return Pick("null", "\"text\"", "5", "[1,2]", "[{}]", "true");
            case PropertyKind.Wrapper:
                return Pick("{\"unexpected\":1}", "[1]", "true", "null", "{}", "\"text\"");
            case PropertyKind.Untyped:
                return Pick("{\"a\":[1,\"b\",null]}", "1e-7", "\"free\"", "[[1],[2]]");
            case PropertyKind.Enum:
                return Pick("\"zz-unknown-value\"", "\"\"", "3", "{\"v\":\"x\"}", "[\"a\"]", "null");
            case PropertyKind.List:
                var wrongItem = ModelCatalog.Classify(type).Kind is PropertyKind.Model or PropertyKind.Wrapper ? "\"text\""
                    : type == typeof(string) ? "1"
                    : "{\"x\":1}";
                return Pick("{\"not\":\"a list\"}", "\"text\"", "7", $"[{wrongItem}]", $"[null,{wrongItem}]", "null");
            default:
                if (type == typeof(string))
                {
                    return Pick("42", "{\"unexpected\":true}", "[\"a\"]", "true", "null");
                }

                if (type == typeof(bool))
                {
                    return Pick("\"true\"", "0", "{}", "null");
                }

                if (type == typeof(int) || type == typeof(long))
                {
                    return Pick("\"12\"", "1.5", "1e40", "{\"n\":1}", "false", "null");
                }

                if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
                {
                    return Pick("\"1.5\"", "1e400", "{\"n\":1}", "[1]", "null");
                }

                var bad = type == typeof(Guid) ? "\"not-a-uuid\""
                    : type == typeof(DateTimeOffset) ? "\"not a date-time\""
                    : type == typeof(Date) ? "\"2024-13-45\""
                    : type == typeof(Time) ? "\"25:61:00\""
                    : type == typeof(TimeSpan) ? "\"P1Q\""
                    : type == typeof(byte[]) ? "\"not base64!\""
                    : "\"x\"";
                return Pick("7", bad, "{\"v\":1}", "[]", "true", "null");
        }
    }

    private string Pick(params string[] choices) => choices[random.Next(choices.Length)];

    private static JsonObject Navigate(JsonNode node, IReadOnlyList<string> steps)
    {
        foreach (var step in steps)
        {
            node = int.TryParse(step, out var index) && node is JsonArray array ? array[index]! : node[step]!;
        }

        return node.AsObject();
    }

    // Every described property of every model object in the tree (present or not: a missing one gets a value too).
    private void Collect(JsonNode? node, Type declared, List<string> steps, List<Site> sites)
    {
        if (node is not JsonObject obj || steps.Count > 24)
        {
            return;
        }

        foreach (var type in TypesOf(obj, declared))
        {
            foreach (var property in catalog.Shape(type).Properties)
            {
                sites.Add(new Site(steps.ToList(), property));
                if (!obj.TryGetPropertyValue(property.JsonName, out var child) || child is null)
                {
                    continue;
                }

                if (property.Kind is PropertyKind.Model or PropertyKind.Wrapper)
                {
                    Collect(child, property.ValueType, [.. steps, property.JsonName], sites);
                }
                else if (property.Kind == PropertyKind.List && child is JsonArray items && ModelCatalog.Classify(property.ValueType).Kind is PropertyKind.Model or PropertyKind.Wrapper)
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        Collect(items[i], property.ValueType, [.. steps, property.JsonName, i.ToString(System.Globalization.CultureInfo.InvariantCulture)], sites);
                    }
                }
            }
        }
    }

    // The plain models an object stands for: the one its discriminator selects, or for a wrapper the branch its
    // discriminator selects, every model branch of an anyOf, or a oneOf's only model branch.
    private IEnumerable<Type> TypesOf(JsonObject obj, Type declared)
    {
        var shape = catalog.Shape(declared);
        var discriminator = shape.Discriminator;
        var value = discriminator is not null && obj.TryGetPropertyValue(discriminator.JsonName, out var d) && d is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (!shape.IsWrapper)
        {
            yield return value is not null && discriminator!.Types.TryGetValue(value, out var derived) ? derived : declared;
            yield break;
        }

        var models = shape.Branches.Where(b => ModelCatalog.Classify(b.PropertyType).Kind == PropertyKind.Model).ToList();
        if (shape.IsIntersection)
        {
            foreach (var branch in models)
            {
                yield return ModelCatalog.Classify(branch.PropertyType).ValueType;
            }
        }
        else if (value is not null && discriminator!.Branches.TryGetValue(value, out var chosen))
        {
            yield return ModelCatalog.Classify(chosen.PropertyType).ValueType;
        }
        else if (models.Count == 1)
        {
            yield return ModelCatalog.Classify(models[0].PropertyType).ValueType;
        }
    }
}
