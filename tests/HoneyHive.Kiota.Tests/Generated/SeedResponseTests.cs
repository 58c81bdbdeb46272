using System.Text.Json;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace HoneyHive.Kiota.Tests.Generated;

/// <summary>Every response body on the seed pages parses into the generated models with every field as sent,
/// through the library's parse node (one-pass path) and through Kiota's stock parse node (IParsable path).</summary>
public class SeedResponseTests
{
    public static TheoryData<string> Parsers => ["honeyhive", "kiota"];

    private static IParseNodeFactory Factory(string parser) =>
        parser == "kiota" ? new JsonParseNodeFactory() : new HoneyHiveJsonParseNodeFactory();

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task GetEventsSeedParsesEveryField(string parser)
    {
        var list = await TestApi.ParseAsync(SeedPages.GetEventsResponse.ToJsonString(), EventList.CreateFromDiscriminatorValue, Factory(parser));

        Assert.Equal(123, list.TotalEvents);
        var e = Assert.Single(list.Events!);
        Assert.Equal("65e0fc2d6a2eb95f55a92cbc", e.ProjectId);
        AssertSeedEvent(e);
        Assert.Empty(list.AdditionalData);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task ExportSeedParsesEveryField(string parser)
    {
        var list = await TestApi.ParseAsync(SeedPages.ExportResponse.ToJsonString(), EventList.CreateFromDiscriminatorValue, Factory(parser));

        Assert.Equal(123, list.TotalEvents);
        var e = Assert.Single(list.Events!);
        Assert.Equal("New Project", e.ProjectId);
        AssertSeedEvent(e);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task BatchResponseSeedParses(string parser)
    {
        var response = await TestApi.ParseAsync(SeedPages.BatchResponse.ToJsonString(), BatchEventsResponse.CreateFromDiscriminatorValue, Factory(parser));

        Assert.Equal(["7f22137a-6911-4ed3-bc36-110f1dde6b66", "7f22137a-6911-4ed3-bc36-110f1dde6b67"], response.EventIds);
        Assert.Equal("caf77ace-3417-4da4-944d-f4a0688f3c23", response.SessionId);
        Assert.True(response.Success);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task BatchRequestSeedParsesIntoRequestModels(string parser)
    {
        var request = await TestApi.ParseAsync(SeedPages.BatchRequest.ToJsonString(), BatchEventsRequest.CreateFromDiscriminatorValue, Factory(parser));

        Assert.True(request.IsSingleSession);
        var e = Assert.Single(request.Events!);
        Assert.Equal("Simple RAG", e.Project);
        Assert.Equal(CreateEventType.Model, e.EventType);
        Assert.Equal(1714978764301, e.StartTime!.Double);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1714978764301), e.StartTime.ToDateTimeOffset());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1714978765301), e.EndTime!.ToDateTimeOffset());
        Assert.Equal(999.8056, e.Duration);
        Assert.Equal("v0.1", e.Config.GetProperty("version").GetString());
        Assert.Equal("What is in the context?", e.Inputs.GetProperty("chat_history").GetItem(1).GetProperty("content").GetString());
        Assert.Equal("Playground Session", request.SessionProperties!.SessionName);
        Assert.Equal("google-oauth2|111840237613341303366", request.SessionProperties.UserProperties.GetProperty("user").GetString());
    }

    private static void AssertSeedEvent(Event e)
    {
        Assert.Equal("playground", e.Source);
        Assert.Equal("caf77ace-3417-4da4-944d-f4a0688f3c23", e.SessionId);
        Assert.Equal("7f22137a-6911-4ed3-bc36-110f1dde6b66", e.EventId);
        Assert.Equal("caf77ace-3417-4da4-944d-f4a0688f3c23", e.ParentId);
        Assert.Equal(EventType.Model, e.EventType);
        Assert.Equal("Model Completion", e.EventName);
        Assert.NotNull(e.ChildrenIds);
        Assert.Empty(e.ChildrenIds);
        Assert.Null(e.Error);
        var utc = new DateTimeOffset(2024, 4, 1, 22, 38, 19, TimeSpan.Zero);
        Assert.Equal("2024-04-01 22:38:19", e.StartTime!.String);
        Assert.Null(e.StartTime.Double);
        Assert.Equal(utc, e.StartTime.ToDateTimeOffset());
        Assert.Equal(utc, e.EndTime!.ToDateTimeOffset());
        Assert.Equal(824.8056, e.Duration);

        var config = e.Config!.ToJsonElement();
        Assert.Equal("gpt-3.5-turbo", config.GetProperty("model").GetString());
        Assert.Equal("v0.1 - Fork", config.GetProperty("version").GetString());
        Assert.Equal("openai", config.GetProperty("provider").GetString());
        Assert.Equal("chat", config.GetProperty("type").GetString());
        var hyper = config.GetProperty("hyperparameters");
        Assert.Equal(0, hyper.GetProperty("temperature").GetDouble());
        Assert.Equal(1, hyper.GetProperty("top_p").GetDouble());
        Assert.Equal(1000, hyper.GetProperty("max_tokens").GetInt32());
        Assert.Equal(0, hyper.GetProperty("presence_penalty").GetDouble());
        Assert.Equal(0, hyper.GetProperty("frequency_penalty").GetDouble());
        Assert.Equal(0, hyper.GetProperty("stop").GetArrayLength());
        Assert.Equal(1, hyper.GetProperty("n").GetInt32());
        var template = config.GetProperty("template");
        Assert.Equal(2, template.GetArrayLength());
        Assert.Equal("system", template[0].GetProperty("role").GetString());
        Assert.Equal("Answer the user's question only using provided context.\n\nContext: {{ context }}", template[0].GetProperty("content").GetString());
        Assert.Equal("user", template[1].GetProperty("role").GetString());
        Assert.Equal("{{question}}", template[1].GetProperty("content").GetString());

        var inputs = e.Inputs!.ToJsonElement();
        Assert.Equal("Hello world", inputs.GetProperty("context").GetString());
        Assert.Equal("What is in the context?", inputs.GetProperty("question").GetString());
        var history = inputs.GetProperty("chat_history");
        Assert.Equal(2, history.GetArrayLength());
        Assert.Equal("Answer the user's question only using provided context.\n\nContext: Hello world", history[0].GetProperty("content").GetString());
        Assert.Equal("What is in the context?", history[1].GetProperty("content").GetString());

        Assert.Equal("assistant", e.Outputs!.ToJsonElement().GetProperty("role").GetString());
        Assert.Equal("Hello world", e.Outputs!.ToJsonElement().GetProperty("content").GetString());

        var metadata = e.Metadata!.ToJsonElement();
        Assert.Equal(0.00008m, metadata.GetProperty("cost").GetDecimal());
        Assert.Equal(23, metadata.GetProperty("completion_tokens").GetInt32());
        Assert.Equal(35, metadata.GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(58, metadata.GetProperty("total_tokens").GetInt32());

        Assert.Equal(JsonValueKind.Object, e.Feedback!.ToJsonElement().ValueKind);
        Assert.Empty(e.Feedback!.ToJsonElement().EnumerateObject());

        var metrics = e.Metrics!.ToJsonElement();
        Assert.Equal(5, metrics.GetProperty("Answer Faithfulness").GetInt32());
        Assert.StartsWith("The AI assistant's answer is a concise and accurate description of Ramp's API.", metrics.GetProperty("Answer Faithfulness_explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal(18, metrics.GetProperty("Number of words").GetInt32());

        Assert.Equal("google-oauth2|111840237613341303366", e.UserProperties!.ToJsonElement().GetProperty("user").GetString());
        Assert.Empty(e.AdditionalData);
    }
}
