using System.Text.Json.Nodes;
using HoneyHive.Bench.Shared.Models;

namespace HoneyHive.Baseline.Aot;

/// <summary>
/// The fixed inputs of the three calls. Fixed (not "now"-relative) so every run, and the
/// client measured against this baseline, sends byte-identical requests.
/// </summary>
internal static class BaselineRequests
{
    public const int Limit = 100;
    public const int Page = 1;

    public static List<StjEventFilter> Filters() =>
    [
        new() { Field = "event_type", Value = "model", Operator = "is", Type = "string" },
        new() { Field = "metadata.cost", Value = "0.00001", Operator = "greater than", Type = "number" },
    ];

    public static StjDateRange DateRange() =>
        new() { Gte = "2024-04-01T00:00:00.000Z", Lte = "2024-07-01T00:00:00.000Z" };

    public static StjExportRequest Export(string project) => new()
    {
        Project = project,
        Filters = Filters(),
        DateRange = DateRange(),
        Limit = Limit,
        Page = Page,
    };

    /// <summary>A one-event batch shaped like the POST /events/batch seed.</summary>
    public static StjBatchRequest Batch(string project) => new()
    {
        Events =
        [
            new StjCreateEventRequest
            {
                Project = project,
                Source = "playground",
                EventName = "Model Completion",
                EventType = "model",
                Config = new JsonObject
                {
                    ["model"] = "gpt-3.5-turbo",
                    ["provider"] = "openai",
                    ["hyperparameters"] = new JsonObject { ["temperature"] = 0, ["max_tokens"] = 1000 },
                    ["template"] = new JsonArray(
                        new JsonObject { ["role"] = "system", ["content"] = "Answer the user's question only using provided context. Context: {{ context }}" },
                        new JsonObject { ["role"] = "user", ["content"] = "{{question}}" }),
                    ["type"] = "chat",
                },
                Inputs = new JsonObject
                {
                    ["context"] = "Hello world",
                    ["question"] = "What is in the context?",
                    ["chat_history"] = new JsonArray(
                        new JsonObject { ["role"] = "user", ["content"] = "What is in the context?" }),
                },
                Outputs = new JsonObject { ["role"] = "assistant", ["content"] = "Hello world" },
                StartTime = 1714978764301,
                EndTime = 1714978765301,
                Duration = 999.8056,
                Metadata = new JsonObject { ["cost"] = 0.00008, ["total_tokens"] = 58 },
                Metrics = new JsonObject { ["Answer Faithfulness"] = 5, ["Answer Faithfulness_explanation"] = "Faithful." },
                UserProperties = new JsonObject { ["user"] = "google-oauth2|111840237613341303366" },
            },
        ],
    };
}
