using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.EndToEnd.Tests.Fuzz;

/// <summary>
/// Mutates a JSON body the ways transports and buggy servers do: flipped bytes, truncation, deleted or
/// duplicated ranges, values of the wrong JSON type, stray structural characters. Deterministic for a
/// given <see cref="Random"/>.
/// </summary>
internal static class Mutator
{
    private static readonly byte[] Structural = "{}[],:\"\\ "u8.ToArray();

    private static readonly Func<JsonNode?>[] Replacements =
    [
        () => null,
        () => true,
        () => 0,
        () => -1.5e308,
        () => 12345678901234567890m,
        () => "text",
        () => "2024-04-01 22:38:19",
        () => "\ud83d",
        () => new JsonArray(),
        () => new JsonObject(),
        () => new JsonArray(1, "a", null, new JsonObject()),
        () => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = new JsonArray(new JsonArray()) } },
    ];

    /// <summary>Applies one to three mutations and says which.</summary>
    public static (byte[] Body, string Description) Mutate(byte[] seed, Random random)
    {
        var body = seed;
        var steps = new List<string>();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            (body, var step) = MutateOnce(body, random);
            steps.Add(step);
        }

        return (body, string.Join(" + ", steps));
    }

    private static (byte[], string) MutateOnce(byte[] body, Random random)
    {
        if (body.Length == 0)
        {
            return ([(byte)'{'], "insert '{' into empty");
        }

        switch (random.Next(7))
        {
            case 0:
            {
                var copy = (byte[])body.Clone();
                var at = random.Next(copy.Length);
                var mask = (byte)(1 << random.Next(8));
                copy[at] ^= mask;
                return (copy, $"flip bit 0x{mask:X2} at {at}");
            }

            case 1:
            {
                var length = random.Next(body.Length);
                return (body[..length], $"truncate to {length}");
            }

            case 2:
            {
                var (start, length) = Range(body.Length, random);
                return ([.. body[..start], .. body[(start + length)..]], $"delete {length} at {start}");
            }

            case 3:
            {
                var (start, length) = Range(body.Length, random);
                return ([.. body[..(start + length)], .. body[start..(start + length)], .. body[(start + length)..]], $"duplicate {length} at {start}");
            }

            case 4:
            {
                var at = random.Next(body.Length + 1);
                var c = Structural[random.Next(Structural.Length)];
                return ([.. body[..at], c, .. body[at..]], $"insert '{(char)c}' at {at}");
            }

            case 5:
            {
                var copy = (byte[])body.Clone();
                var at = random.Next(copy.Length);
                copy[at] = (byte)random.Next(256);
                return (copy, $"set byte {at} to 0x{copy[at]:X2}");
            }

            default:
                return SwapType(body, random);
        }
    }

    // Replaces one value anywhere in the document (the root included) with a value of another type.
    private static (byte[], string) SwapType(byte[] body, Random random)
    {
        try
        {
            return SwapTypeInParsed(JsonNode.Parse(body), random);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            // Not JSON, text JsonNode cannot decode (invalid UTF-8), or duplicate keys, which JsonObject refuses.
            return (body, "type swap skipped (not JSON)");
        }
    }

    private static (byte[], string) SwapTypeInParsed(JsonNode? root, Random random)
    {

        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var replacement = Replacements[random.Next(Replacements.Length)]();
        if (nodes.Count == 0 || random.Next(20) == 0)
        {
            return (Encoding.UTF8.GetBytes(replacement?.ToJsonString() ?? "null"), "replace the root");
        }

        var target = nodes[random.Next(nodes.Count)];
        var path = target.GetPath();
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = replacement;
                break;
            default:
                throw new InvalidOperationException("A collected node always has a parent.");
        }

        return (Encoding.UTF8.GetBytes(root!.ToJsonString()), $"swap {path} for {replacement?.ToJsonString() ?? "null"}");
    }

    // Iterative, so a deep document cannot overflow the test's own stack.
    private static void Collect(JsonNode? root, List<JsonNode> nodes)
    {
        var pending = new Stack<JsonNode>();
        if (root is not null)
        {
            pending.Push(root);
        }

        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.Parent is not null)
            {
                nodes.Add(node);
            }

            IEnumerable<JsonNode?> children = node switch
            {
                JsonObject o => o.Select(p => p.Value),
                JsonArray a => a,
                _ => [],
            };
            foreach (var child in children)
            {
                if (child is not null)
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static (int Start, int Length) Range(int size, Random random)
    {
        var start = random.Next(size);
        return (start, random.Next(1, Math.Min(size - start, 64) + 1));
    }
}
