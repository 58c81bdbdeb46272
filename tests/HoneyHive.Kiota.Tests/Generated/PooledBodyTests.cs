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
}
