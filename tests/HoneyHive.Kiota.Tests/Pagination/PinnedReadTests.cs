using System.Text.Json;
using HoneyHive.Kiota.Filters;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Pagination;
using HoneyHive.Kiota.Tests.Client;
using Xunit;

namespace HoneyHive.Kiota.Tests.Pagination;

/// <summary>A read without an upper time bound gets one when it starts: the client clock's now, to the millisecond.</summary>
public sealed class PinnedReadTests
{
    // Sub-millisecond ticks: the pin is truncated, not rounded, to the millisecond the API is sent.
    private static readonly DateTimeOffset Start = new DateTimeOffset(2025, 1, 15, 12, 0, 5, TimeSpan.Zero).AddTicks(9_876_543);
    private const string StartText = "2025-01-15T12:00:05.987Z";

    private static async Task<int> CountAsync(IAsyncEnumerable<Event> events, Action? afterFirst = null)
    {
        var count = 0;
        await foreach (var e in events)
        {
            if (++count == 1) afterFirst?.Invoke();
        }

        return count;
    }

    private static JsonElement DateRangeSent(RecordedRequest request)
    {
        if (request.Method == HttpMethod.Get)
        {
            var text = FlowTestClient.Query(request.Uri, "dateRange");
            Assert.True(text is not null, $"no dateRange in {request.Uri}");
            using var query = JsonDocument.Parse(text);
            return query.RootElement.Clone();
        }

        using var body = JsonDocument.Parse(request.Body!);
        return body.RootElement.GetProperty("dateRange").Clone();
    }

    private static Dictionary<string, string?> Bounds(JsonElement range) =>
        range.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());

    [Fact]
    public async Task Get_without_an_upper_bound_sends_lte_the_time_the_read_started_on_every_page()
    {
        var server = FakeEventsServer.Honest(25);
        var time = new RecordingTimeProvider { Now = Start.AddDays(-1) };
        using var client = TestClients.Create(server.Handler, time);
        var query = new EventQuery("p") { PageSize = 10 };

        // The pin is taken when enumeration starts, not when the read is created, and holds for every page
        // however the clock moves during the read.
        var read = client.GetEventsAsync(query);
        time.Now = Start;
        Assert.Equal(25, await CountAsync(read, afterFirst: () => time.Now = Start.AddMinutes(5)));

        Assert.Equal([1, 2, 3], server.Requests.Select(r => r.Page));
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("{\"$lte\":\"" + StartText + "\"}", FlowTestClient.Query(r.Uri, "dateRange"));
            Assert.Equal(new Dictionary<string, string?> { ["$lte"] = StartText }, Bounds(DateRangeSent(r)));
        });
        // The caller's query is not changed.
        Assert.Null(query.DateRange);
    }

    [Fact]
    public async Task Export_without_an_upper_bound_sends_lte_the_time_the_read_started_in_the_body()
    {
        var server = FakeEventsServer.Honest(15);
        var time = new RecordingTimeProvider { Now = Start };
        using var client = TestClients.Create(server.Handler, time);

        Assert.Equal(15, await CountAsync(client.ExportEventsAsync(new EventQuery("p") { PageSize = 10 }), afterFirst: () => time.Now = Start.AddHours(1)));

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(new Dictionary<string, string?> { ["$lte"] = StartText }, Bounds(DateRangeSent(r))));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_lower_bound_is_kept_beside_the_pinned_upper_bound(bool export)
    {
        var server = FakeEventsServer.Honest(5);
        var time = new RecordingTimeProvider { Now = Start };
        using var client = TestClients.Create(server.Handler, time);
        var query = new EventQuery("p") { DateRange = DateRanges.Since(new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero)) };

        Assert.Equal(5, await CountAsync(export ? client.ExportEventsAsync(query) : client.GetEventsAsync(query)));

        var sent = Bounds(DateRangeSent(Assert.Single(server.Requests)));
        Assert.Equal(new Dictionary<string, string?> { ["$gte"] = "2024-04-01T00:00:00.000Z", ["$lte"] = StartText }, sent);
        Assert.Null(query.DateRange!.Lte);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_query_with_its_own_upper_bound_is_sent_unchanged(bool export)
    {
        var server = FakeEventsServer.Honest(5);
        var time = new RecordingTimeProvider { Now = Start };
        using var client = TestClients.Create(server.Handler, time);
        var query = new EventQuery("p") { DateRange = DateRanges.Until(new DateTimeOffset(2030, 6, 1, 8, 30, 0, TimeSpan.Zero)) };

        Assert.Equal(5, await CountAsync(export ? client.ExportEventsAsync(query) : client.GetEventsAsync(query)));

        Assert.Equal(new Dictionary<string, string?> { ["$lte"] = "2030-06-01T08:30:00.000Z" }, Bounds(DateRangeSent(Assert.Single(server.Requests))));
    }

    [Fact]
    public async Task A_query_with_both_bounds_is_sent_unchanged()
    {
        var server = FakeEventsServer.Honest(5);
        using var client = TestClients.Create(server.Handler, new RecordingTimeProvider { Now = Start });
        var query = new EventQuery("p")
        {
            DateRange = DateRanges.Between(new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 4, 2, 0, 0, 0, TimeSpan.Zero)),
        };

        Assert.Equal(5, await CountAsync(client.GetEventsAsync(query)));

        Assert.Equal("{\"$gte\":\"2024-04-01T00:00:00.000Z\",\"$lte\":\"2024-04-02T00:00:00.000Z\"}", FlowTestClient.Query(Assert.Single(server.Requests).Uri, "dateRange"));
    }

    [Fact]
    public async Task Each_read_of_the_same_query_pins_its_own_start()
    {
        var server = FakeEventsServer.Honest(1);
        var time = new RecordingTimeProvider { Now = Start };
        using var client = TestClients.Create(server.Handler, time);
        var query = new EventQuery("p");

        await foreach (var _ in client.GetEventPagesAsync(query)) { }
        time.Now = Start.AddSeconds(1);
        await foreach (var _ in client.ExportEventPagesAsync(query)) { }

        Assert.Equal([StartText, "2025-01-15T12:00:06.987Z"], server.Requests.Select(r => Bounds(DateRangeSent(r))["$lte"]));
    }
}
