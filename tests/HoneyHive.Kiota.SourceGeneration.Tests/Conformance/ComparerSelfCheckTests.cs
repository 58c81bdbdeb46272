using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>
/// The conformance comparer can fail: two stock readings of the same JSON agree, and a reading that changes a value,
/// drops an unknown field or keeps a value raw is reported as what it is. Run on the repository's own models.
/// </summary>
public sealed class ComparerSelfCheckTests
{
    private const string Json = """{"event_id":"e1","event_name":"name","event_type":"model","metadata":{"a":[1,2.5,"x"]},"start_time":1714978764301,"extra":"kept","when":"2024-05-06T07:08:09Z"}""";

    private static readonly Lazy<(ModelCatalog Catalog, Type Event)> Models = new(() =>
    {
        var client = GeneratedClient.Compile(Path.Combine(CompilationHelper.OutputDirectory, "KiotaModels"), "ConformanceSelfCheck");
        return (new ModelCatalog(client.Assembly, client.Compilation), client.Assembly.GetType("HoneyHive.Kiota.Models.Event", throwOnError: true)!);
    });

    [Fact]
    public void Two_stock_readings_of_the_same_json_agree()
    {
        var (catalog, type) = Models.Value;
        using var document = JsonDocument.Parse(Json);

        var differences = new ResultComparer(catalog).Compare(Read(type, document), Read(type, document), document.RootElement);

        Assert.Empty(differences);
    }

    [Fact]
    public void A_changed_value_is_unexplained()
    {
        var (catalog, type) = Models.Value;
        using var document = JsonDocument.Parse(Json);
        var ours = Read(type, document);
        Property(catalog, type, "event_name").SetValue(ours, "other");

        var difference = Assert.Single(new ResultComparer(catalog).Compare(Read(type, document), ours, document.RootElement));

        Assert.Equal((DifferenceKind.Unexplained, "$.event_name"), (difference.Kind, difference.Path));
    }

    [Fact]
    public void A_dropped_unknown_field_is_unexplained()
    {
        var (catalog, type) = Models.Value;
        using var document = JsonDocument.Parse(Json);
        var ours = Read(type, document);
        ((IAdditionalDataHolder)ours).AdditionalData.Remove("extra");

        var difference = Assert.Single(new ResultComparer(catalog).Compare(Read(type, document), ours, document.RootElement));

        Assert.Equal((DifferenceKind.Unexplained, "$.AdditionalData[\"extra\"]"), (difference.Kind, difference.Path));
    }

    [Fact]
    public void A_value_kept_raw_under_its_json_name_is_the_documented_kind_and_a_different_raw_value_is_not()
    {
        var (catalog, type) = Models.Value;
        using var document = JsonDocument.Parse(Json);
        var ours = Read(type, document);
        Property(catalog, type, "event_type").SetValue(ours, null);
        ((IAdditionalDataHolder)ours).AdditionalData["event_type"] = document.RootElement.GetProperty("event_type");
        var kept = Assert.Single(new ResultComparer(catalog).Compare(Read(type, document), ours, document.RootElement));

        ((IAdditionalDataHolder)ours).AdditionalData["event_type"] = document.RootElement.GetProperty("event_name");
        var differences = new ResultComparer(catalog).Compare(Read(type, document), ours, document.RootElement);

        Assert.Equal((DifferenceKind.KeptRawWhereStockReadSome, "$.event_type"), (kept.Kind, kept.Path));
        Assert.Equal([DifferenceKind.Unexplained, DifferenceKind.Unexplained], differences.Select(d => d.Kind));
    }

    [Fact]
    public void A_free_form_value_that_differs_deep_inside_is_unexplained()
    {
        var (catalog, type) = Models.Value;
        using var document = JsonDocument.Parse(Json);
        var ours = Read(type, document);
        Property(catalog, type, "metadata").SetValue(ours, new UntypedObject(new Dictionary<string, UntypedNode>
        {
            ["a"] = new UntypedArray([new UntypedInteger(1), new UntypedDouble(2.5000001), new UntypedString("x")]),
        }));

        var difference = Assert.Single(new ResultComparer(catalog).Compare(Read(type, document), ours, document.RootElement));

        Assert.Equal((DifferenceKind.Unexplained, "$.metadata"), (difference.Kind, difference.Path));
    }

    private static object Read(Type type, JsonDocument document) => ParseNodes.ReadStock(type, document.RootElement).Model!;

    private static System.Reflection.PropertyInfo Property(ModelCatalog catalog, Type type, string jsonName) =>
        catalog.Shape(type).Properties.Single(p => p.JsonName == jsonName).Info;
}
