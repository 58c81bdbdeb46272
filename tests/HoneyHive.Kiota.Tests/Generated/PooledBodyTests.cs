using System.Text.Json;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Kiota.Tests.Generated;

/// <summary>A response body's pooled memory is reused for the next one; what a model kept must not change with it.</summary>
public class PooledBodyTests
{
    private static string Page(string marker) =>
        $$$"""{"events":[{"event_id":"{{{marker}}}","config":{"model":"{{{marker}}}-model","n":[1,2,3]},"extra":{"k":"{{{marker}}}"}}],"totalEvents":1}""";

    [Fact]
    public async Task ValuesKeptByModelsSurviveTheReuseOfTheBodysMemory()
    {
        var factory = new HoneyHiveJsonParseNodeFactory();
        var first = await TestApi.ParseAsync(Page("aaaa"), EventList.CreateFromDiscriminatorValue, factory);

        // Same sizes, other bytes: the pool hands the same arrays back.
        for (var i = 0; i < 20; i++)
        {
            await TestApi.ParseAsync(Page("bbbb"), EventList.CreateFromDiscriminatorValue, factory);
        }

        var e = Assert.Single(first.Events!);
        Assert.Equal("aaaa", e.EventId);
        Assert.Equal("aaaa-model", e.Config!.ToJsonElement().GetProperty("model").GetString());
        Assert.Equal(3, e.Config!.ToJsonElement().GetProperty("n").GetArrayLength());
        Assert.Equal("aaaa", ((JsonElement)e.AdditionalData["extra"]).GetProperty("k").GetString());
    }

    [Fact]
    public async Task TheRootNodesElementIsReleasedOnceItsModelIsRead()
    {
        using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Page("cccc")));
        var root = (HoneyHiveJsonParseNode)await new HoneyHiveJsonParseNodeFactory().GetRootParseNodeAsync("application/json", body);

        Assert.Equal(JsonValueKind.Object, root.Element.ValueKind);
        root.GetObjectValue(EventList.CreateFromDiscriminatorValue);

        Assert.Throws<ObjectDisposedException>(() => root.Element.ValueKind);
    }

    [Fact]
    public async Task A_body_read_as_a_list_or_as_free_form_json_is_copied_and_released_too()
    {
        var factory = new HoneyHiveJsonParseNodeFactory();
        async Task<HoneyHiveJsonParseNode> RootAsync(string json) =>
            (HoneyHiveJsonParseNode)await factory.GetRootParseNodeAsync("application/json", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        var arrayRoot = await RootAsync("""[{"event_id":"a1","config":{"model":"a1-model"}}]""");
        var events = arrayRoot.GetCollectionOfObjectValues(Event.CreateFromDiscriminatorValue).ToList();
        var freeRoot = await RootAsync("""{"anything":["x"]}""");
        var free = freeRoot.GetObjectValue(Microsoft.Kiota.Abstractions.Serialization.UntypedNode.CreateFromDiscriminatorValue);

        // Both bodies went back to the pool; later bodies of the same size reuse the memory.
        Assert.Throws<ObjectDisposedException>(() => arrayRoot.Element.ValueKind);
        Assert.Throws<ObjectDisposedException>(() => freeRoot.Element.ValueKind);
        for (var i = 0; i < 20; i++)
        {
            (await RootAsync("""[{"event_id":"b1","config":{"model":"b1-model"}}]""")).GetCollectionOfObjectValues(Event.CreateFromDiscriminatorValue).ToList();
            (await RootAsync("""{"anything":["y"]}""")).GetObjectValue(Microsoft.Kiota.Abstractions.Serialization.UntypedNode.CreateFromDiscriminatorValue);
        }

        Assert.Equal("a1-model", Assert.Single(events).Config.GetProperty("model").GetString());
        Assert.Equal("x", free.GetProperty("anything").GetItem(0).GetString());
    }
}
