using HoneyHive.Kiota.EndToEnd.Tests.Support;
using HoneyHive.Kiota.Filters;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Pagination;
using static HoneyHive.Kiota.EndToEnd.Tests.Support.SampleEvents;

namespace HoneyHive.Kiota.EndToEnd.Tests.RoundTrip;

/// <summary>
/// The same filters and date range sent through <c>GET /events</c> (JSON in the query string) and
/// <c>POST /events/export</c> (JSON body) must select the same events, and exactly those an independent
/// computation from the sample data expects. Page sizes differ between the two reads and do not divide
/// the result, so pagination is exercised with short last pages too.
/// </summary>
public sealed class FilterAgreementTests(SeededServerFixture server) : IClassFixture<SeededServerFixture>
{
    private sealed record Case(IReadOnlyList<EventFilter> Filters, DateRange? Range, Func<int, bool> Expected);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["string is"] = new([EventFilters.Field("event_type").Is("model")], null, i => Type(i) == "model"),
        ["string is not"] = new([EventFilters.Field("event_type").IsNot("model")], null, i => Type(i) != "model"),
        ["string contains"] = new([EventFilters.Field("outputs.content").Contains("Hello")], null, i => Answer(i).Contains("Hello", StringComparison.Ordinal)),
        ["string not contains, array index path"] = new([EventFilters.Field("inputs.chat_history.0.content").NotContains("password")], null, i => !Question(i).Contains("password", StringComparison.Ordinal)),
        ["string contains, array index path"] = new([EventFilters.Field("inputs.chat_history.0.content").Contains("question 1")], null, i => Question(i).StartsWith("question 1", StringComparison.Ordinal)),
        ["string greater than"] = new([EventFilters.Field("metadata.model_version").GreaterThan("v2")], null, i => string.CompareOrdinal(Version(i), "v2") > 0),
        ["number is"] = new([EventFilters.Field("metadata.total_tokens").Is(42)], null, i => i == 42),
        ["number is not"] = new([EventFilters.Field("metadata.total_tokens").IsNot(42)], null, i => i != 42),
        ["number greater than (integer)"] = new([EventFilters.Field("metadata.total_tokens").GreaterThan(250)], null, i => i > 250),
        ["number greater than (fraction)"] = new([EventFilters.Field("metadata.cost").GreaterThan(0.1505)], null, i => Cost(i) > 0.1505),
        ["boolean is"] = new([EventFilters.Field("metadata.cached").Is(true)], null, Cached),
        ["boolean is not"] = new([EventFilters.Field("metadata.cached").IsNot(true)], null, i => !Cached(i)),
        ["id is"] = new([EventFilters.Field("event_id").IsId(Id(123))], null, i => i == 123),
        ["id is not"] = new([EventFilters.Field("event_id").IsNotId(Id(123))], null, i => i != 123),
        ["array field contains"] = new([EventFilters.Field("children_ids").Contains("child-12")], null, i => i % 6 == 0 && $"child-{i}".Contains("child-12", StringComparison.Ordinal)),
        ["nested user property"] = new([EventFilters.Field("user_properties.user").Is("user-3")], null, i => i % 7 == 3),
        ["date range between (inclusive)"] = new([], DateRanges.Between(Start(10), Start(100)), i => i is >= 10 and <= 100),
        ["date range since"] = new([], DateRanges.Since(Start(290)), i => i >= 290),
        ["date range until"] = new([], DateRanges.Until(Start(5)), i => i <= 5),
        ["combined filters and range"] = new(
            [EventFilters.Field("event_type").Is("model"), EventFilters.Field("metadata.cost").GreaterThan(0.05), EventFilters.Field("inputs.chat_history.0.content").NotContains("password")],
            DateRanges.Between(Start(30), Start(240)),
            i => Type(i) == "model" && Cost(i) > 0.05 && !Question(i).Contains("password", StringComparison.Ordinal) && i is >= 30 and <= 240),
        ["matching nothing"] = new([EventFilters.Field("event_type").Is("session")], null, _ => false),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Get_and_export_select_the_same_expected_events(string name)
    {
        var @case = Cases[name];
        using var client = Clients.ForHost(server.BaseAddress);

        var viaGet = await IdsAsync(client.GetEventsAsync(Query(@case, pageSize: 37)));
        var viaExport = await IdsAsync(client.ExportEventsAsync(Query(@case, pageSize: 50)));

        var expected = Enumerable.Range(0, SeededServerFixture.Count).Where(@case.Expected).Select(Id).ToList();
        Assert.Equal(expected, viaGet);
        Assert.Equal(expected, viaExport);
    }

    [Fact]
    public void Every_operator_and_type_is_covered()
    {
        var used = Cases.Values.SelectMany(c => c.Filters).Select(f => (f.Operator, f.Type)).ToHashSet();

        foreach (var op in Enum.GetValues<EventFilterOperator>())
        {
            Assert.Contains(used, u => u.Operator == op);
        }

        foreach (var type in Enum.GetValues<EventFilterType>())
        {
            Assert.Contains(used, u => u.Type == type);
        }
    }

    private static EventQuery Query(Case @case, int pageSize) => new(Clients.Project)
    {
        Filters = [.. @case.Filters],
        DateRange = @case.Range,
        PageSize = pageSize,
    };

    private static async Task<List<string>> IdsAsync(IAsyncEnumerable<Event> events)
    {
        var ids = new List<string>();
        await foreach (var e in events)
        {
            ids.Add(e.EventId!);
        }

        return ids;
    }
}
