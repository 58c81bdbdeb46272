using System.Text.Json;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Kiota.Tests.Generated;

/// <summary>A server that sends values the description does not foresee must not break reading an event,
/// and nothing it sent may be lost.</summary>
public class ToleranceTests
{
    private static Task<EventList> ParseAsync(string json) =>
        TestApi.ParseAsync(json, EventList.CreateFromDiscriminatorValue, new HoneyHiveJsonParseNodeFactory());

    [Fact]
    public async Task UnknownEnumValueIsKeptRawAndSerializedBack()
    {
        var list = await ParseAsync("""{"events":[{"event_id":"e1","event_type":"agent"}],"totalEvents":1}""");

        var e = Assert.Single(list.Events!);
        Assert.Equal("e1", e.EventId);
        Assert.Null(e.EventType);
        Assert.Equal("agent", ((JsonElement)e.AdditionalData["event_type"]).GetString());
        Assert.Contains("\"event_type\":\"agent\"", await TestApi.SerializeAsync(e), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValuesOfAnUnexpectedTypeGoToAdditionalData()
    {
        var list = await ParseAsync("""
            {"events":[{"event_id":7,"duration":"slow","children_ids":"none","start_time":true,"config":"plain text","source":"sdk"}],"totalEvents":"many"}
            """);

        Assert.Null(list.TotalEvents);
        Assert.Equal("many", ((JsonElement)list.AdditionalData["totalEvents"]).GetString());
        var e = Assert.Single(list.Events!);
        Assert.Equal("sdk", e.Source);
        Assert.Null(e.EventId);
        Assert.Equal(7, ((JsonElement)e.AdditionalData["event_id"]).GetInt32());
        Assert.Null(e.Duration);
        Assert.Null(e.ChildrenIds);
        Assert.Null(e.StartTime);
        Assert.Equal(JsonValueKind.True, ((JsonElement)e.AdditionalData["start_time"]).ValueKind);
        // Free-form means any JSON: a string is a valid config.
        Assert.Equal("plain text", e.Config.GetString());
    }

    [Fact]
    public async Task NullsEverywhereReadAsNull()
    {
        var list = await ParseAsync("""
            {"events":[{"project_id":null,"event_type":null,"config":null,"children_ids":null,"start_time":null,"duration":null,"parent_id":null}],"totalEvents":null}
            """);

        var e = Assert.Single(list.Events!);
        Assert.Null(e.ProjectId);
        Assert.Null(e.EventType);
        Assert.Null(e.Config);
        Assert.Null(e.ChildrenIds);
        Assert.Null(e.StartTime);
        Assert.Null(e.Duration);
        Assert.Empty(e.AdditionalData);
    }

    [Fact]
    public async Task UnknownPropertiesAreKept()
    {
        var list = await ParseAsync("""{"events":[{"event_id":"e1","cost_center":{"team":"ml"}}],"totalEvents":1,"next":"abc"}""");

        Assert.Equal("abc", ((JsonElement)list.AdditionalData["next"]).GetString());
        var e = Assert.Single(list.Events!);
        Assert.Equal("ml", ((JsonElement)e.AdditionalData["cost_center"]).GetProperty("team").GetString());
    }

    [Fact]
    public async Task EscapedPropertyNamesAreRecognised()
    {
        var list = await ParseAsync("""{"events":[{"event\u005fid":"e1"}],"total\u0045vents":2}""");

        Assert.Equal(2, list.TotalEvents);
        Assert.Equal("e1", Assert.Single(list.Events!).EventId);
    }

    [Theory]
    [InlineData("\"2024-04-01 22:38:19\"", "2024-04-01T22:38:19Z")]
    [InlineData("1711999099000", "2024-04-01T19:18:19Z")]
    [InlineData("1711999099000.5", "2024-04-01T19:18:19.0005Z")]
    [InlineData("\"2024-04-01T22:38:19+02:00\"", "2024-04-01T20:38:19Z")]
    public async Task BothTimestampFormsReadAsTheSameInstant(string json, string expectedUtc)
    {
        var list = await ParseAsync($$"""{"events":[{"start_time":{{json}}}]}""");

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(list.Events!).StartTime?.ToDateTimeOffset());
    }
}
