using System.Text.Json.Nodes;

namespace HoneyHive.LocalServer;

/// <summary>
/// Events for project "Simple RAG" (the README quickstart's), spread over the day before <c>now</c> so the
/// quickstart's "last day" finds them: model, tool and chain events, the model ones with a cost, about a
/// third of those above the quickstart's 0.01. The same seed gives the same events.
/// </summary>
internal static class GeneratedEvents
{
    public const string Project = "Simple RAG";

    private static readonly string[] Models = ["gpt-4o-mini", "gpt-4o", "claude-3-5-sonnet"];
    private static readonly string[] Tools = ["vector_search", "web_search", "sql_query"];
    private static readonly string[] Types = ["model", "tool", "chain"];

    public static IEnumerable<JsonObject> Create(int count, int seed, DateTimeOffset now)
    {
        var random = new Random(seed);
        var first = now.AddDays(-1);
        var step = count > 1 ? TimeSpan.FromDays(1) / count : TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            var type = Types[random.Next(Types.Length)];
            var start = first + (step * i);
            var duration = Math.Round(20 + (random.NextDouble() * 1500), 3);
            var e = new JsonObject
            {
                ["event_id"] = $"local-{seed}-{i:D7}",
                ["project"] = Project,
                ["source"] = "local",
                ["event_type"] = type,
                ["event_name"] = type switch
                {
                    "model" => "Model Completion",
                    "tool" => Tools[random.Next(Tools.Length)],
                    _ => "RAG pipeline",
                },
                ["config"] = new JsonObject { ["model"] = Models[random.Next(Models.Length)], ["provider"] = "openai" },
                ["inputs"] = new JsonObject { ["question"] = $"Question {i}" },
                ["outputs"] = new JsonObject { ["content"] = $"Answer {i}" },
                ["start_time"] = start.ToUnixTimeMilliseconds(),
                ["duration"] = duration,
                ["user_properties"] = new JsonObject { ["user"] = $"user-{random.Next(50)}" },
            };
            if (type == "model")
            {
                var tokens = random.Next(50, 12_000);
                e["metadata"] = new JsonObject { ["cost"] = Math.Round(tokens * 0.0000015, 7), ["total_tokens"] = tokens };
            }

            yield return e;
        }
    }
}
