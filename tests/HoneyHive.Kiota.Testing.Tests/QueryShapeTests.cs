using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing.Tests;

public class QueryShapeTests
{
    private static InMemoryHoneyHive WithEvents(int count)
    {
        var fake = new InMemoryHoneyHive();
        fake.AddEvents(Enumerable.Range(0, count).Select(i => new JsonObject
        {
            ["project"] = "p",
            ["event_id"] = $"e{i}",
            ["start_time"] = 1_700_000_000_000L + i * 1000L,
            ["metadata"] = new JsonObject { ["cost"] = i, ["nested"] = new JsonObject { ["x"] = "y" } },
            ["inputs"] = new JsonObject { ["chat_history"] = new JsonArray(new JsonObject { ["content"] = "hi" }) },
        }));
        return fake;
    }

    [Theory]
    [InlineData(0, 10, 1, "", 0)]
    [InlineData(20, 10, 2, "e10,e11,e12,e13,e14,e15,e16,e17,e18,e19", 20)] // exact multiple: last full page
    [InlineData(20, 10, 3, "", 20)]                                          // past the end
    [InlineData(23, 10, 3, "e20,e21,e22", 23)]                               // short last page
    [InlineData(5, 2, 1, "e0,e1", 5)]
    public async Task Paging_slices_matches_and_totalEvents_counts_all(int stored, int limit, int page, string expected, int total)
    {
        using var fake = WithEvents(stored);
        using var client = Api.Client(fake);
        var request = Api.Export("p");
        request["limit"] = limit;
        request["page"] = page;

        var (status, body) = await Api.PostAsync(client, "events/export", request);

        Assert.Equal(200, status);
        Assert.Equal(expected, string.Join(',', Api.Ids(body)));
        Assert.Equal(total, body["totalEvents"]!.GetValue<int>());
    }

    [Fact]
    public async Task Default_limit_is_1000()
    {
        using var fake = WithEvents(1001);
        using var client = Api.Client(fake);

        var (_, body) = await Api.GetAsync(client, $"events?project=p&filters={Api.Encode("[]")}");

        Assert.Equal(1000, body["events"]!.AsArray().Count);
        Assert.Equal(1001, body["totalEvents"]!.GetValue<int>());
    }

    [Fact]
    public async Task Get_pages_through_query_parameters()
    {
        using var fake = WithEvents(5);
        using var client = Api.Client(fake);

        var (_, body) = await Api.GetAsync(client, $"events?project=p&filters={Api.Encode("[]")}&limit=2&page=3");

        Assert.Equal(["e4"], Api.Ids(body));
        Assert.Equal(5, body["totalEvents"]!.GetValue<int>());
    }

    [Fact]
    public async Task Date_range_is_inclusive_on_start_time()
    {
        using var fake = WithEvents(5);
        using var client = Api.Client(fake);
        var request = Api.Export("p");
        request["dateRange"] = new JsonObject
        {
            ["$gte"] = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_001_000L).ToString("O"),
            ["$lte"] = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_003_000L).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"),
        };

        var (_, body) = await Api.PostAsync(client, "events/export", request);

        Assert.Equal(["e1", "e2", "e3"], Api.Ids(body));
    }

    [Fact]
    public async Task Projections_keep_only_requested_fields()
    {
        using var fake = WithEvents(1);
        using var client = Api.Client(fake);
        var request = Api.Export("p");
        request["projections"] = new JsonArray("event_id", "metadata.nested.x", "inputs.chat_history.0.content", "missing.field");

        var (_, body) = await Api.PostAsync(client, "events/export", request);

        var evt = body["events"]![0]!.AsObject();
        Assert.Equal(
            """{"event_id":"e0","metadata":{"nested":{"x":"y"}},"inputs":{"chat_history":[{"content":"hi"}]}}""",
            evt.ToJsonString());
    }
}
