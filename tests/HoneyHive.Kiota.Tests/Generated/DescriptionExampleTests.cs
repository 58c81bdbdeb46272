using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Tests.Generated;

/// <summary>The description embeds the seed pages' bodies as its examples, unchanged.</summary>
public class DescriptionExampleTests
{
    private static readonly JsonNode Description = JsonNode.Parse(File.ReadAllText(SeedPages.Path("honeyhive-events.json")))!;

    private static JsonNode? Example(string path, string operation, string? status, string name)
    {
        var op = Description["paths"]![path]![operation]!;
        var content = status is null ? op["requestBody"]!["content"]! : op["responses"]![status]!["content"]!;
        return content["application/json"]!["examples"]![name]!["value"];
    }

    [Fact]
    public void GetEventsResponseExampleIsTheSeed() =>
        Assert.True(JsonNode.DeepEquals(SeedPages.GetEventsResponse, Example("/events", "get", "200", "events")));

    [Fact]
    public void ExportResponseExampleIsTheSeed() =>
        Assert.True(JsonNode.DeepEquals(SeedPages.ExportResponse, Example("/events/export", "post", "200", "events")));

    [Fact]
    public void BatchExamplesAreTheSeed()
    {
        Assert.True(JsonNode.DeepEquals(SeedPages.BatchRequest, Example("/events/batch", "post", null, "batch")));
        Assert.True(JsonNode.DeepEquals(SeedPages.BatchResponse, Example("/events/batch", "post", "200", "created")));
    }
}
