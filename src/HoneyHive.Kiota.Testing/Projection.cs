using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

/// <summary>
/// Keeps only the requested fields of an event. Dotted paths keep nested object fields
/// (<c>metadata.cost</c> → <c>{ "metadata": { "cost": … } }</c>); a path that reaches an array keeps the whole array.
/// </summary>
internal static class Projection
{
    public static JsonObject Apply(JsonObject evt, IReadOnlyList<string> paths)
    {
        var result = new JsonObject();
        foreach (var path in paths)
        {
            Copy(evt, result, path.Split('.'));
        }

        return result;
    }

    private static void Copy(JsonObject source, JsonObject target, string[] segments)
    {
        for (var i = 0; i < segments.Length; i++)
        {
            if (!source.TryGetPropertyValue(segments[i], out var child))
            {
                return;
            }

            if (i == segments.Length - 1 || child is not JsonObject childObject)
            {
                target[segments[i]] = child?.DeepClone();
                return;
            }

            if (target[segments[i]] is not JsonObject next)
            {
                // Only create the nested object once we know the next segment exists, so
                // projecting a missing field adds nothing.
                if (!childObject.ContainsKey(segments[i + 1]))
                {
                    return;
                }

                next = new JsonObject();
                target[segments[i]] = next;
            }

            source = childObject;
            target = next;
        }
    }
}
