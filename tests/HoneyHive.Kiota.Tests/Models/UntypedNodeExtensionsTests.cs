using System.Text.Json;
using System.Text.Json.Nodes;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.Tests.Models;

/// <summary>Reading and building free-form values (Kiota's <see cref="UntypedNode"/>) in one line.</summary>
public class UntypedNodeExtensionsTests
{
    private const string Metadata = """{"cost":8e-05,"total_tokens":58,"big":9007199254740993,"cached":true,"model":"gpt-4o","tags":["a","b"],"nested":{"depth":{"n":1}},"none":null}""";

    private static UntypedNode Read(string json) => new HoneyHiveJsonParseNode(JsonDocument.Parse(json).RootElement).GetObjectValue(UntypedNode.CreateFromDiscriminatorValue);

    [Fact]
    public void ValuesReadInOneLine()
    {
        var metadata = Read(Metadata);

        Assert.Equal(8e-05, metadata.GetProperty("cost").GetDouble());
        Assert.Equal(58, metadata.GetProperty("total_tokens").GetInt64());
        Assert.Equal(9007199254740993, metadata.GetProperty("big").GetInt64());
        Assert.True(metadata.GetProperty("cached").GetBoolean());
        Assert.Equal("gpt-4o", metadata.GetProperty("model").GetString());
        Assert.Equal("b", metadata.GetProperty("tags").GetItem(1).GetString());
        Assert.Equal(1, metadata.GetProperty("nested").GetProperty("depth").GetProperty("n").GetInt64());
        Assert.IsType<UntypedNull>(metadata.GetProperty("none"));
    }

    [Fact]
    public void AbsentOrMistypedValuesReadAsNullAlongTheWholeChain()
    {
        var metadata = Read(Metadata);
        UntypedNode? missing = null;

        Assert.Null(metadata.GetProperty("nope").GetProperty("deeper").GetDouble());
        Assert.Null(metadata.GetProperty("model").GetDouble());
        Assert.Null(metadata.GetProperty("cost").GetString());
        Assert.Null(metadata.GetProperty("cost").GetInt64());
        Assert.Null(metadata.GetProperty("tags").GetItem(2));
        Assert.Null(metadata.GetProperty("tags").GetItem(-1));
        Assert.Null(missing.GetProperty("cost"));
        Assert.Null(metadata.GetItem(0));
    }

    [Fact]
    public void NumbersFollowKiotasTypes()
    {
        var metadata = Read(Metadata);

        Assert.IsType<UntypedInteger>(metadata.GetProperty("total_tokens"));
        Assert.IsType<UntypedLong>(metadata.GetProperty("big"));
        Assert.IsType<UntypedDecimal>(metadata.GetProperty("cost"));
    }

    [Fact]
    public void AValueNobodyReadIsHandedBackAsTheJsonItCameFrom()
    {
        var document = JsonDocument.Parse($$"""{"metadata":{{Metadata}}}""");
        var metadata = new HoneyHiveJsonParseNode(document.RootElement.GetProperty("metadata")).GetObjectValue(UntypedNode.CreateFromDiscriminatorValue);

        var element = metadata.ToJsonElement();

        Assert.Equal(Metadata, element.GetRawText());
        // No copy: the element is a view into the very document it was read from.
        document.Dispose();
        Assert.Throws<ObjectDisposedException>(() => element.GetRawText());
    }

    [Fact]
    public void ChangesThroughKiotasDictionaryAreWhatIsWrittenAndConverted()
    {
        var metadata = (UntypedObject)Read(Metadata);

        metadata.GetValue()["cost"] = new UntypedDouble(0.5);
        metadata.GetValue().Remove("tags");

        var element = metadata.ToJsonElement();
        Assert.Equal(0.5, element.GetProperty("cost").GetDouble());
        Assert.False(element.TryGetProperty("tags", out _));
        Assert.Equal(0.5, metadata.ToJsonNode()!["cost"]!.GetValue<double>());
    }

    [Fact]
    public void BuiltFromJsonNodeInOneLineAndSentAsIs()
    {
        var config = new JsonObject { ["model"] = "gpt-4o", ["temperature"] = 0.2, ["stop"] = new JsonArray("\n"), ["n"] = 1 }.ToUntypedNode();

        Assert.Equal("gpt-4o", config.GetProperty("model").GetString());
        Assert.Equal(0.2, config.GetProperty("temperature").GetDouble());
        Assert.Equal("""{"model":"gpt-4o","temperature":0.2,"stop":["\n"],"n":1}""", config.ToJsonElement().GetRawText());
        Assert.IsType<UntypedNull>(((JsonNode?)null).ToUntypedNode());
    }

    [Fact]
    public void BuiltFromJsonElementItOutlivesTheDocument()
    {
        UntypedNode inputs;
        using (var document = JsonDocument.Parse("""{"question":"What is in the context?"}"""))
        {
            inputs = document.RootElement.ToUntypedNode();
        }

        Assert.Equal("What is in the context?", inputs.GetProperty("question").GetString());
    }

    [Fact]
    public async Task AReadValueWritesBackThroughKiotasWriter()
    {
        var model = new CreateEventRequest { Metadata = Read(Metadata), Config = new JsonObject { ["k"] = 1 }.ToUntypedNode() };

        var json = await Generated.TestApi.SerializeAsync(model);

        Assert.Equal("""{"config":{"k":1},"metadata":{"cost":0.00008,"total_tokens":58,"big":9007199254740993,"cached":true,"model":"gpt-4o","tags":["a","b"],"nested":{"depth":{"n":1}},"none":null}}""", json);
    }
}
