using System.Globalization;
using HoneyHive.Kiota.Filters;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using HoneyHive.Kiota.Tests.Pagination;
using RichardSzalay.MockHttp;
using Xunit;

namespace HoneyHive.Kiota.Tests.Filters;

public sealed class EventFilterBuilderTests
{
    public static TheoryData<EventFilterOperator, string> OperatorWire => new()
    {
        { EventFilterOperator.Is, "is" },
        { EventFilterOperator.IsNot, "is not" },
        { EventFilterOperator.Contains, "contains" },
        { EventFilterOperator.NotContains, "not contains" },
        { EventFilterOperator.GreaterThan, "greater than" },
    };

    public static TheoryData<string, string, string> Values => new()
    {
        // name of the FilterValue, expected value text, expected type text
        { "string", "model", "string" },
        { "number", "0.01", "number" },
        { "boolean", "true", "boolean" },
        { "id", "65e0fc2d6a2eb95f55a92cbc", "id" },
    };

    public static TheoryData<EventFilterOperator, string, string, string, string> Matrix
    {
        get
        {
            var data = new TheoryData<EventFilterOperator, string, string, string, string>();
            foreach (var op in OperatorWire)
            {
                foreach (var value in Values)
                {
                    data.Add((EventFilterOperator)op[0], (string)op[1], (string)value[0], (string)value[1], (string)value[2]);
                }
            }

            return data;
        }
    }

    private static FilterValue Make(string kind) => kind switch
    {
        "string" => FilterValue.String("model"),
        "number" => FilterValue.Number(0.01),
        "boolean" => FilterValue.Boolean(true),
        "id" => FilterValue.Id("65e0fc2d6a2eb95f55a92cbc"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Every_operator_and_type_serializes_to_the_wire_form(EventFilterOperator op, string opWire, string kind, string valueText, string typeWire)
    {
        var filter = EventFilters.Field("metadata.cost").Where(op, Make(kind));
        var expected = $"{{\"field\":\"metadata.cost\",\"operator\":\"{opWire}\",\"type\":\"{typeWire}\",\"value\":\"{valueText}\"}}";

        Assert.Equal(expected, QueryJson.Serialize(filter));

        // GET /events carries the same JSON, as an array, in the filters query parameter.
        var api = FlowTestClient.Create(new MockHttpMessageHandler());
        var request = api.Events.ToGetRequestInformation(c =>
        {
            c.QueryParameters.Project = "p";
            c.QueryParameters.Filters = QueryJson.Serialize([filter]);
        });
        Assert.Equal($"[{expected}]", FlowTestClient.Query(request.URI, "filters"));

        // And the export body.
        var body = new ExportEventsRequest { Project = "p", Filters = [filter] };
        Assert.Contains($"\"filters\":[{expected}]", QueryJson.Serialize(body), StringComparison.Ordinal);
    }

    [Fact]
    public void Convenience_methods_pick_the_type_from_the_value()
    {
        var field = EventFilters.Field("metadata.cost");
        AssertFilter(field.Is("model"), "is", "string", "model");
        AssertFilter(field.Is(3), "is", "number", "3");
        AssertFilter(field.Is(0.25), "is", "number", "0.25");
        AssertFilter(field.Is(0.25m), "is", "number", "0.25");
        AssertFilter(field.Is(false), "is", "boolean", "false");
        AssertFilter(field.IsId("65e0fc2d6a2eb95f55a92cbc"), "is", "id", "65e0fc2d6a2eb95f55a92cbc");
        AssertFilter(field.IsNot("tool"), "is not", "string", "tool");
        AssertFilter(field.IsNot(7L), "is not", "number", "7");
        AssertFilter(field.IsNot(1.5), "is not", "number", "1.5");
        AssertFilter(field.IsNot(1.5m), "is not", "number", "1.5");
        AssertFilter(field.IsNot(true), "is not", "boolean", "true");
        AssertFilter(field.IsNotId("abc"), "is not", "id", "abc");
        AssertFilter(field.Contains("x"), "contains", "string", "x");
        AssertFilter(field.NotContains("y"), "not contains", "string", "y");
        AssertFilter(field.GreaterThan(0.01), "greater than", "number", "0.01");
        AssertFilter(field.GreaterThan(0.01m), "greater than", "number", "0.01");
        AssertFilter(field.GreaterThan(10), "greater than", "number", "10");
        AssertFilter(field.GreaterThan("b"), "greater than", "string", "b");
    }

    [Theory]
    [InlineData(0.01, "0.01")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e-5, "0.00001")]
    [InlineData(-1.5e-7, "-0.00000015")]
    [InlineData(1.25e-10, "0.000000000125")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1.2345e21, "1234500000000000000000")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(0d, "0")]
    [InlineData(double.MaxValue, "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    public void Doubles_are_round_trippable_and_never_use_an_exponent(double value, string expected)
    {
        var text = FilterValue.Number(value).Text;
        Assert.Equal(expected, text);
        Assert.Equal(value, double.Parse(text, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Decimals_are_written_exactly()
    {
        Assert.Equal("0.00008", FilterValue.Number(0.00008m).Text);
        Assert.Equal("79228162514264337593543950335", FilterValue.Number(decimal.MaxValue).Text);
        Assert.Equal("-9223372036854775808", FilterValue.Number(long.MinValue).Text);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_doubles_are_rejected(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EventFilters.Field("metadata.cost").GreaterThan(value));

    [Fact]
    public void Numbers_use_the_invariant_culture_whatever_the_current_culture()
    {
        // The test host runs with InvariantGlobalization, where "de-DE" cannot be created; a clone
        // of the invariant culture with German separators exercises the same code paths.
        var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        german.NumberFormat.NumberDecimalSeparator = ",";
        german.NumberFormat.NumberGroupSeparator = ".";
        german.NumberFormat.NegativeSign = "\u2212";
        var before = CultureInfo.CurrentCulture;
        var beforeUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = german;
            CultureInfo.CurrentUICulture = german;
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture)); // the culture took effect

            var field = EventFilters.Field("metadata.cost");
            Assert.Equal("0.01", field.GreaterThan(0.01).Value);
            Assert.Equal("-1234.5", field.Is(-1234.5m).Value);
            Assert.Equal("-0.00001", field.IsNot(-1e-5).Value);
            Assert.Equal("-42", field.Is(-42).Value);
            Assert.Equal("1234.5", EventFilters.Parse("metadata.cost greater than 1234.5:number").Value);
            Assert.Equal(
                "{\"field\":\"metadata.cost\",\"operator\":\"greater than\",\"type\":\"number\",\"value\":\"0.01\"}",
                QueryJson.Serialize(field.GreaterThan(0.01)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }

    [Theory]
    [InlineData("event_type")]
    [InlineData("metadata.cost")]
    [InlineData("inputs.chat_history.0.content")]
    [InlineData("metrics.Answer Faithfulness")]
    public void Valid_field_paths_are_kept(string path) => Assert.Equal(path, EventFilters.Field(path).Is("x").Field);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".cost")]
    [InlineData("metadata.")]
    [InlineData("metadata..cost")]
    [InlineData("metadata. .cost")]
    [InlineData(" metadata.cost")]
    [InlineData("metadata.cost ")]
    public void Invalid_field_paths_are_rejected(string path)
    {
        var error = Assert.Throws<ArgumentException>(() => EventFilters.Field(path));
        Assert.Equal("path", error.ParamName);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => EventFilters.Field(null!));
        Assert.Throws<ArgumentNullException>(() => EventFilters.Field("a").Is((string)null!));
        Assert.Throws<ArgumentException>(() => EventFilters.Field("a").IsId("has space"));
        Assert.Throws<ArgumentException>(() => EventFilters.Field("a").IsId(""));
        Assert.Throws<ArgumentOutOfRangeException>(() => EventFilters.Field("a").Where((EventFilterOperator)99, FilterValue.String("x")));
    }

    private static void AssertFilter(EventFilter filter, string op, string type, string value)
    {
        Assert.Equal("metadata.cost", filter.Field);
        Assert.Equal(op, EnumWireNames.Of(filter.Operator!.Value));
        Assert.Equal(type, EnumWireNames.Of(filter.Type!.Value));
        Assert.Equal(value, filter.Value);
    }
}
