using System.Text.Json.Nodes;
using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Tests.Generated;

/// <summary>Requests built through the generated models serialize to the seed pages' request bodies.</summary>
public class SeedRequestTests
{
    private const string SessionId = "caf77ace-3417-4da4-944d-f4a0688f3c23";
    private const string Faithfulness = "The AI assistant's answer is a concise and accurate description of Ramp's API. It provides a clear explanation of what the API does and how developers can use it to integrate Ramp's financial services into their own applications. The answer is faithful to the provided context.";
    private const string SystemPrompt = "Answer the user's question only using provided context. Context: {{ context }}";
    private const string SystemMessage = "Answer the user's question only using provided context. Context: Hello world";

    [Fact]
    public async Task BatchSeedBuiltThroughModelsSerializesToTheSeedBody()
    {
        var request = new BatchEventsRequest
        {
            Events =
            [
                new CreateEventRequest
                {
                    Project = "Simple RAG",
                    EventType = CreateEventType.Model,
                    EventName = "Model Completion",
                    Source = "playground",
                    SessionId = SessionId,
                    EventId = "7f22137a-6911-4ed3-bc36-110f1dde6b66",
                    ParentId = SessionId,
                    ChildrenIds = [],
                    Config = new JsonObject
                    {
                        ["model"] = "gpt-3.5-turbo",
                        ["version"] = "v0.1",
                        ["provider"] = "openai",
                        ["hyperparameters"] = new JsonObject
                        {
                            ["temperature"] = 0, ["top_p"] = 1, ["max_tokens"] = 1000,
                            ["presence_penalty"] = 0, ["frequency_penalty"] = 0, ["stop"] = new JsonArray(), ["n"] = 1,
                        },
                        ["template"] = new JsonArray(Message("system", SystemPrompt), Message("user", "{{question}}")),
                        ["type"] = "chat",
                    }.ToUntypedNode(),
                    Inputs = Inputs().ToUntypedNode(),
                    Outputs = Message("assistant", "Hello world").ToUntypedNode(),
                    Error = null,
                    StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1714978764301),
                    EndTime = DateTimeOffset.FromUnixTimeMilliseconds(1714978765301),
                    Duration = 999.8056,
                    Metadata = new JsonObject { ["cost"] = 0.00008m, ["completion_tokens"] = 23, ["prompt_tokens"] = 35, ["total_tokens"] = 58 }.ToUntypedNode(),
                    Feedback = new JsonObject().ToUntypedNode(),
                    Metrics = new JsonObject { ["Answer Faithfulness"] = 5, ["Answer Faithfulness_explanation"] = Faithfulness, ["Number of words"] = 18 }.ToUntypedNode(),
                    UserProperties = new JsonObject { ["user"] = "google-oauth2|111840237613341303366" }.ToUntypedNode(),
                },
            ],
            IsSingleSession = true,
            SessionProperties = new SessionProperties
            {
                Source = "playground",
                SessionName = "Playground Session",
                SessionId = SessionId,
                Inputs = Inputs().ToUntypedNode(),
                Outputs = Message("assistant", "Hello world").ToUntypedNode(),
                Error = null,
                Metrics = new JsonObject().ToUntypedNode(),
                Feedback = new JsonObject().ToUntypedNode(),
                Metadata = new JsonObject().ToUntypedNode(),
                UserProperties = new JsonObject { ["user"] = "google-oauth2|111840237613341303366" }.ToUntypedNode(),
            },
        };

        var json = await TestApi.SerializeAsync(request);

        // "error": null in the seed is omitted by Kiota's writer; JsonSemantics treats null as absent.
        JsonSemantics.AssertEqual(SeedPages.BatchRequest, JsonNode.Parse(json));
    }

    [Fact]
    public async Task ExportSeedRequestBuiltThroughModelsSerializesToTheSeedBody()
    {
        // The export page's example: project '<value>' and one event_type filter.
        var request = new ExportEventsRequest
        {
            Project = "<value>",
            Filters = [new EventFilter { Field = "event_type", Value = "model", Operator = EventFilterOperator.Is, Type = EventFilterType.String }],
        };

        var json = await TestApi.SerializeAsync(request);

        JsonSemantics.AssertEqual(
            JsonNode.Parse("""{"project":"<value>","filters":[{"field":"event_type","value":"model","operator":"is","type":"string"}]}"""),
            JsonNode.Parse(json));
    }

    [Fact]
    public async Task ResponseModelsRoundTripAsSent()
    {
        var seed = SeedPages.GetEventsResponse;
        var list = await TestApi.ParseAsync(seed.ToJsonString(), EventList.CreateFromDiscriminatorValue, new HoneyHive.Kiota.Serialization.HoneyHiveJsonParseNodeFactory());

        var written = JsonNode.Parse(await TestApi.SerializeAsync(list))!;

        // Kiota's timestamp wrapper keeps the form the server sent ("2024-04-01 22:38:19"), and free-form
        // values come back as read: the page writes back as the seed.
        JsonSemantics.AssertEqual(seed, written);
    }

    [Fact]
    public async Task TimestampsSetAsDateTimeOffsetGoOutAsUnixMilliseconds()
    {
        var start = new DateTimeOffset(2024, 5, 6, 7, 39, 24, 301, TimeSpan.Zero);
        var json = await TestApi.SerializeAsync(new CreateEventRequest { StartTime = start, EndTime = start.AddMilliseconds(1000) });

        Assert.Equal("""{"end_time":1714981165301,"start_time":1714981164301}""", json);
    }

    private static JsonObject Message(string role, string content) => new() { ["role"] = role, ["content"] = content };

    private static JsonObject Inputs() => new()
    {
        ["context"] = "Hello world",
        ["question"] = "What is in the context?",
        ["chat_history"] = new JsonArray(Message("system", SystemMessage), Message("user", "What is in the context?")),
    };
}
