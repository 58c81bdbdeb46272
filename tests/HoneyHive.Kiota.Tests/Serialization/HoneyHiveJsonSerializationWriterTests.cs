using System.Text.Json;
using System.Text.Json.Nodes;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using HoneyHive.Kiota.Serialization.Untyped;
using HoneyHive.Kiota.Tests.Generated;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace HoneyHive.Kiota.Tests.Serialization;

/// <summary>The client's JSON writer writes what Kiota's writes, without opening free-form values.</summary>
public class HoneyHiveJsonSerializationWriterTests
{
    [Fact]
    public async Task TheBatchSeedWritesAsKiotasWriterWritesIt()
    {
        var request = await TestApi.ParseAsync(SeedPages.BatchRequest.ToJsonString(), BatchEventsRequest.CreateFromDiscriminatorValue, new HoneyHiveJsonParseNodeFactory());

        var ours = Write(new HoneyHiveJsonSerializationWriter(), request);
        var kiotas = Write(new JsonSerializationWriter(), request);

        JsonSemantics.AssertEqual(JsonNode.Parse(kiotas), JsonNode.Parse(ours));
        JsonSemantics.AssertEqual(SeedPages.BatchRequest, JsonNode.Parse(ours));
    }

    [Fact]
    public async Task FreeFormValuesGoOutAsTheJsonTheyCameFromWithoutBeingOpened()
    {
        const string metadata = """{"cost":8e-05,"nested":{"deep":[1,2.50,"x"]}}""";
        var list = await TestApi.ParseAsync($$"""{"events":[{"event_id":"e1","metadata":{{metadata}}}]}""", EventList.CreateFromDiscriminatorValue, new HoneyHiveJsonParseNodeFactory());
        var e = Assert.Single(list.Events!);

        var json = Write(new HoneyHiveJsonSerializationWriter(), e);

        Assert.Equal($$"""{"event_id":"e1","metadata":{{metadata}}}""", json);
        Assert.True(JsonUntyped.TryGetUnread(e.Metadata!, out _));
    }

    [Fact]
    public void AnOpenedValueIsWrittenAsItNowIs()
    {
        var metadata = new JsonObject { ["cost"] = 1 }.ToUntypedNode();
        ((UntypedObject)metadata).GetValue()["cost"] = new UntypedString("free");

        Assert.Equal("""{"metadata":{"cost":"free"}}""", Write(new HoneyHiveJsonSerializationWriter(), new Event { Metadata = metadata }));
    }

    [Fact]
    public void EnumsGoOutByTheirWireNames()
    {
        var filter = new EventFilter { Field = "a", Operator = EventFilterOperator.NotContains, Type = EventFilterType.Boolean, Value = "true" };

        Assert.Equal("""{"field":"a","operator":"not contains","type":"boolean","value":"true"}""", Write(new HoneyHiveJsonSerializationWriter(), filter));
    }

    [Fact]
    public void TimestampsAndCollectionsFollowKiotasRules()
    {
        var list = new EventList { Events = [new Event { StartTime = new Timestamp { String = "2024-04-01 22:38:19" }, EndTime = new Timestamp { Double = 1.5 } }], TotalEvents = 1 };

        var ours = Write(new HoneyHiveJsonSerializationWriter(), list);

        Assert.Equal("""{"events":[{"end_time":1.5,"start_time":"2024-04-01 22:38:19"}],"totalEvents":1}""", ours);
        Assert.Equal(Write(new JsonSerializationWriter(), list), ours);
    }

    [Fact]
    public void HooksRunAsInKiotasWriter()
    {
        var list = new EventList { Events = [new Event { EventId = "a", Config = new JsonObject().ToUntypedNode() }] };

        Assert.Equal(Hooks(new JsonSerializationWriter(), list), Hooks(new HoneyHiveJsonSerializationWriter(), list));
    }

    [Fact]
    public void OnlyJsonIsWritten()
    {
        var factory = new HoneyHiveJsonSerializationWriterFactory();

        Assert.IsType<HoneyHiveJsonSerializationWriter>(factory.GetSerializationWriter("application/json"));
        Assert.Throws<ArgumentOutOfRangeException>(() => factory.GetSerializationWriter("text/plain"));
    }

    private static List<string> Hooks(ISerializationWriter writer, IParsable model)
    {
        var seen = new List<string>();
        writer.OnBeforeObjectSerialization = m => seen.Add("before " + m.GetType().Name);
        writer.OnStartObjectSerialization = (m, _) => seen.Add("start " + m.GetType().Name);
        writer.OnAfterObjectSerialization = m => seen.Add("after " + m.GetType().Name);
        Write(writer, model);
        return seen;
    }

    private static string Write(ISerializationWriter writer, IParsable model)
    {
        using (writer)
        {
            writer.WriteObjectValue(null, model);
            using var reader = new StreamReader(writer.GetSerializedContent());
            return reader.ReadToEnd();
        }
    }
}
