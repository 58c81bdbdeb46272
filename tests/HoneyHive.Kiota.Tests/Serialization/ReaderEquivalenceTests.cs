using System.Reflection;
using System.Text.Json.Nodes;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using HoneyHive.Kiota.Tests.Generated;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace HoneyHive.Kiota.Tests.Serialization;

/// <summary>
/// The compile-time readers give the same models as Kiota's own reading: the library's parse node with the
/// readers, the same node through the models' field deserializers (the generic path), and Kiota's stock
/// JsonParseNode, compared by writing each result back with Kiota's writer.
/// </summary>
public class ReaderEquivalenceTests
{
    public static TheoryData<string> Pages => new()
    {
        SeedPages.GetEventsResponse.ToJsonString(),
        SeedPages.ExportResponse.ToJsonString(),
        """
        {"events":[
          {"event_id":"a","event_type":"tool","start_time":1714978764301.5,"end_time":"2024-04-01T22:38:19+02:00","children_ids":["x","y"],"duration":0,
           "inputs":{"q":"caf\u00e9 \"quoted\"","n":[1,2.5,-3e2,{"deep":[null,true]}]},"metadata":{"cost":1e-7,"big":12345678901234567890},"feedback":[],"metrics":"text"},
          {"event_id":"b","event_type":"session","parent_id":null,"error":"boom","config":{},"user_properties":{"user":"u"}}
        ],"totalEvents":2}
        """,
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task ThreeWaysOfReadingAPageAgree(string json)
    {
        var fast = await TestApi.ParseAsync(json, EventList.CreateFromDiscriminatorValue, new HoneyHiveJsonParseNodeFactory());
        var generic = await ParseGenericAsync(json);
        var stock = await TestApi.ParseAsync(json, EventList.CreateFromDiscriminatorValue, new JsonParseNodeFactory());

        Assert.All(fast.Events!, e => Assert.IsAssignableFrom<IJsonElementParsable>(e));
        var written = JsonNode.Parse(await TestApi.SerializeAsync(fast));
        JsonSemantics.AssertEqual(JsonNode.Parse(await TestApi.SerializeAsync(generic)), written);
        JsonSemantics.AssertEqual(JsonNode.Parse(await TestApi.SerializeAsync(stock)), written);
        JsonSemantics.AssertEqual(JsonNode.Parse(json), written);
    }

    [Fact]
    public async Task TheBatchSeedReadsTheSameThroughEveryPath()
    {
        var json = SeedPages.BatchRequest.ToJsonString();
        var fast = await TestApi.ParseAsync(json, BatchEventsRequest.CreateFromDiscriminatorValue, new HoneyHiveJsonParseNodeFactory());
        var stock = await TestApi.ParseAsync(json, BatchEventsRequest.CreateFromDiscriminatorValue, new JsonParseNodeFactory());

        JsonSemantics.AssertEqual(JsonNode.Parse(await TestApi.SerializeAsync(stock)), JsonNode.Parse(await TestApi.SerializeAsync(fast)));
        JsonSemantics.AssertEqual(SeedPages.BatchRequest, JsonNode.Parse(await TestApi.SerializeAsync(fast)));
    }

    [Fact]
    public void EveryGeneratedModelHasACompileTimeReader()
    {
        var models = typeof(Event).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Event).Namespace && t.IsClass && typeof(IParsable).IsAssignableFrom(t))
            .ToList();

        Assert.NotEmpty(models);
        foreach (var model in models)
        {
            // A model, or a composed type with a model branch, implements IJsonElementParsable; a composed type of
            // scalars only (Timestamp) gets a static TryReadJson instead.
            var hasReader = typeof(IJsonElementParsable).IsAssignableFrom(model)
                || (typeof(IComposedTypeWrapper).IsAssignableFrom(model) && model.GetMethod("TryReadJson", BindingFlags.Static | BindingFlags.NonPublic) is not null);
            Assert.True(hasReader, $"{model.Name} has no compile-time reader: the source generator skipped it (see its HHKG001 message).");
        }
    }

    // The parse node falls back to Kiota's field deserializers whenever assignment hooks are set.
    private static async Task<EventList> ParseGenericAsync(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var node = await new HoneyHiveJsonParseNodeFactory().GetRootParseNodeAsync("application/json", stream);
        var visited = 0;
        node.OnAfterAssignFieldValues = _ => visited++;
        var list = node.GetObjectValue(EventList.CreateFromDiscriminatorValue);
        Assert.True(visited > list.Events!.Count, "the generic path visits every model it fills");
        return list;
    }
}
