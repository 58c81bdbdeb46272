using System.Text.Json.Nodes;
using HoneyHive.Bench.Shared.Models;
using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Benchmarks;

/// <summary>
/// The same inputs as the baseline app's calls (bench/HoneyHive.Baseline.Aot/BaselineRequests.cs),
/// once as STJ models and once as generated models, so both request builders get equal work.
/// </summary>
internal static class RequestInputs
{
    public const string BaseUrl = "https://api.honeyhive.ai";
    public const string Project = "Simple RAG";
    public const int Limit = 100;
    public const int Page = 1;

    private static readonly DateTimeOffset From = new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2024, 7, 1, 0, 0, 0, TimeSpan.Zero);

    public static List<StjEventFilter> StjFilters() =>
    [
        new() { Field = "event_type", Value = "model", Operator = "is", Type = "string" },
        new() { Field = "metadata.cost", Value = "0.00001", Operator = "greater than", Type = "number" },
    ];

    public static StjDateRange StjDateRange() => new() { Gte = "2024-04-01T00:00:00.000Z", Lte = "2024-07-01T00:00:00.000Z" };

    public static StjExportRequest StjExport() =>
        new() { Project = Project, Filters = StjFilters(), DateRange = StjDateRange(), Limit = Limit, Page = Page };

    public static StjBatchRequest StjBatch() => new()
    {
        Events =
        [
            new StjCreateEventRequest
            {
                Project = Project, Source = "playground", EventName = "Model Completion", EventType = "model",
                Config = Config(), Inputs = Inputs(), Outputs = Outputs(),
                StartTime = 1714978764301, EndTime = 1714978765301, Duration = 999.8056,
                Metadata = Metadata(), Metrics = Metrics(), UserProperties = UserProperties(),
            },
        ],
    };

    public static List<EventFilter> Filters() =>
    [
        new() { Field = "event_type", Value = "model", Operator = EventFilterOperator.Is, Type = EventFilterType.String },
        new() { Field = "metadata.cost", Value = "0.00001", Operator = EventFilterOperator.GreaterThan, Type = EventFilterType.Number },
    ];

    public static DateRange DateRange() => new() { Gte = From, Lte = To };

    public static ExportEventsRequest Export() =>
        new() { Project = Project, Filters = Filters(), DateRange = DateRange(), Limit = Limit, Page = Page };

    public static BatchEventsRequest Batch() => new()
    {
        Events =
        [
            new CreateEventRequest
            {
                Project = Project, Source = "playground", EventName = "Model Completion", EventType = CreateEventType.Model,
                Config = Config().ToUntypedNode(), Inputs = Inputs().ToUntypedNode(), Outputs = Outputs().ToUntypedNode(),
                StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1714978764301),
                EndTime = DateTimeOffset.FromUnixTimeMilliseconds(1714978765301), Duration = 999.8056,
                Metadata = Metadata().ToUntypedNode(), Metrics = Metrics().ToUntypedNode(), UserProperties = UserProperties().ToUntypedNode(),
            },
        ],
    };

    private static JsonObject Config() => new()
    {
        ["model"] = "gpt-3.5-turbo",
        ["provider"] = "openai",
        ["hyperparameters"] = new JsonObject { ["temperature"] = 0, ["max_tokens"] = 1000 },
        ["template"] = new JsonArray(
            new JsonObject { ["role"] = "system", ["content"] = "Answer the user's question only using provided context. Context: {{ context }}" },
            new JsonObject { ["role"] = "user", ["content"] = "{{question}}" }),
        ["type"] = "chat",
    };

    private static JsonObject Inputs() => new()
    {
        ["context"] = "Hello world",
        ["question"] = "What is in the context?",
        ["chat_history"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "What is in the context?" }),
    };

    private static JsonObject Outputs() => new() { ["role"] = "assistant", ["content"] = "Hello world" };

    private static JsonObject Metadata() => new() { ["cost"] = 0.00008, ["total_tokens"] = 58 };

    private static JsonObject Metrics() => new() { ["Answer Faithfulness"] = 5, ["Answer Faithfulness_explanation"] = "Faithful." };

    private static JsonObject UserProperties() => new() { ["user"] = "google-oauth2|111840237613341303366" };
}
