using System.Text.Json.Nodes;
using HoneyHive.Kiota.Generator.Description;

namespace HoneyHive.Kiota.Generator.Tests;

/// <summary>How the description is understood, and how shapes the emitters cannot express are refused.</summary>
public class DescriptionReaderTests
{
    private static JsonNode Description() => JsonNode.Parse(File.ReadAllText(RepoPaths.Description))!;

    private static ApiSpec Read(JsonNode description) => DescriptionReader.Read(description.ToJsonString(), "Client", "Test.Api");

    [Fact]
    public void FreeFormFieldsAreElementsOnResponsesAndNodesOnRequests()
    {
        var spec = Read(Description());

        var models = spec.Models.ToDictionary(m => m.Name);
        Assert.False(models["Event"].IsInput);
        Assert.True(models["CreateEventRequest"].IsInput);
        Assert.True(models["SessionProperties"].IsInput);
        Assert.True(models["EventFilter"].IsInput);
        Assert.True(models["BatchPartialFailure"].IsError);
        Assert.Equal(PropertyKind.FreeForm, models["Event"].Properties.Single(p => p.JsonName == "config").Kind);
        Assert.Equal(PropertyKind.Timestamp, models["Event"].Properties.Single(p => p.JsonName == "start_time").Kind);
    }

    [Fact]
    public void OperationsAreReadWithTheirParametersAndErrors()
    {
        var spec = Read(Description());

        var events = Assert.Single(spec.Root.Children);
        var get = Assert.Single(events.Operations);
        Assert.Equal("Get", get.Method);
        Assert.Equal(["dateRange", "filters", "limit", "page", "project"], get.QueryParameters.Select(q => q.WireName));
        Assert.Equal(QueryKind.JsonObjectList, get.QueryParameters.Single(q => q.WireName == "filters").Kind);
        Assert.Equal(QueryKind.JsonObject, get.QueryParameters.Single(q => q.WireName == "dateRange").Kind);
        Assert.True(get.QueryParameters.Single(q => q.WireName == "project").Required);
        var batch = events.Children.Single(c => c.Segments[^1] == "batch").Operations.Single();
        Assert.Equal("BatchEventsRequest", batch.BodyType);
        Assert.Equal("BatchEventsResponse", batch.ResponseType);
        Assert.Equal(new ErrorMappingSpec("500", "BatchPartialFailure"), Assert.Single(batch.Errors));
        Assert.Equal("https://api.honeyhive.ai", spec.DefaultBaseUrl);
    }

    [Fact]
    public void PathParametersAreRefusedWithTheirLocation()
    {
        var description = Description();
        description["paths"]!["/events/{id}"] = new JsonObject { ["get"] = new JsonObject { ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "ok" } } } };

        var error = Assert.Throws<NotSupportedException>(() => Read(description));

        Assert.Contains("paths['/events/{id}']", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InlineEnumsAreRefusedWithTheirLocation()
    {
        var description = Description();
        description["components"]!["schemas"]!["Event"]!["properties"]!["level"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("a", "b") };

        var error = Assert.Throws<NotSupportedException>(() => Read(description));

        Assert.Contains("#/components/schemas/Event/properties/level", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidDescriptionIsRefused()
    {
        Assert.ThrowsAny<Exception>(() => DescriptionReader.Read("{ not json", "Client", "Test.Api"));
    }

    [Theory]
    [InlineData("project_id", "ProjectId")]
    [InlineData("totalEvents", "TotalEvents")]
    [InlineData("is not", "IsNot")]
    [InlineData("$gte", "Gte")]
    [InlineData("greater than", "GreaterThan")]
    [InlineData("2fa", "_2fa")]
    public void NamesArePascalCased(string wire, string expected) => Assert.Equal(expected, Naming.Pascal(wire));
}
