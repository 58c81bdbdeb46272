using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Pagination;
using HoneyHive.Kiota.Tests.Client;
using Xunit;

namespace HoneyHive.Kiota.Tests.Pagination;

/// <summary>EventQuery.MaxConcurrency: pages fetched ahead, yielded in page order, with a bounded number in memory.</summary>
public sealed class ParallelReadTests
{
    private const int Depth = 4;

    private static EventQuery Query(int pageSize = 10, int concurrency = 1) =>
        new("p") { PageSize = pageSize, MaxConcurrency = concurrency };

    private static IAsyncEnumerable<Event> Read(HoneyHiveClient client, EventQuery query, bool export) =>
        export ? client.ExportEventsAsync(query) : client.GetEventsAsync(query);

    private static async Task<List<string?>> IdsAsync(IAsyncEnumerable<Event> events)
    {
        var ids = new List<string?>();
        await foreach (var e in events) ids.Add(e.EventId);
        return ids;
    }

    private static int PageOf(string? eventId) => int.Parse(eventId!.AsSpan(1, eventId!.IndexOf('-', StringComparison.Ordinal) - 1), System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_parallel_read_yields_exactly_what_a_sequential_one_does(bool export)
    {
        using var sequentialServer = PageServer.Honest(95);
        using var parallelServer = PageServer.Honest(95);
        using var sequentialClient = TestClients.Create(sequentialServer);
        using var parallelClient = TestClients.Create(parallelServer);

        var sequential = await IdsAsync(Read(sequentialClient, Query(), export));
        var parallel = await IdsAsync(Read(parallelClient, Query(concurrency: Depth), export));

        Assert.Equal(95, sequential.Count);
        Assert.Equal(sequential, parallel);
        Assert.Equal(Enumerable.Range(1, 10), sequentialServer.Pages);
        // The same ten pages, each once (their arrival order is the network's).
        Assert.Equal(Enumerable.Range(1, 10), parallelServer.Pages.Order());
    }

    [Fact]
    public async Task Parallel_pages_report_the_same_numbers_and_running_counts()
    {
        using var sequentialServer = PageServer.Honest(95);
        using var parallelServer = PageServer.Honest(95);
        using var sequentialClient = TestClients.Create(sequentialServer);
        using var parallelClient = TestClients.Create(parallelServer);

        var sequential = new List<(int, long?, long, int)>();
        await foreach (var page in sequentialClient.GetEventPagesAsync(Query())) sequential.Add((page.PageNumber, page.TotalEvents, page.EventsSoFar, page.Events.Count));
        var parallel = new List<(int, long?, long, int)>();
        await foreach (var page in parallelClient.ExportEventPagesAsync(Query(concurrency: Depth))) parallel.Add((page.PageNumber, page.TotalEvents, page.EventsSoFar, page.Events.Count));

        Assert.Equal(10, sequential.Count);
        Assert.Equal((10, 95L, 95L, 5), sequential[^1]);
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public async Task Pages_two_to_five_are_in_flight_at_once_and_never_more()
    {
        using var server = PageServer.Honest(100);
        using var client = TestClients.Create(server);
        server.Hold(2, 3, 4, 5, 6);

        var read = IdsAsync(client.GetEventsAsync(Query(concurrency: Depth)));
        await server.WhenInFlight(Depth);

        // Page 1 answered, the next four requested together and all waiting; page 6 is not asked for
        // until page 2 has been taken.
        Assert.Equal([1, 2, 3, 4, 5], server.Pages.Order());
        Assert.Equal(Depth, server.InFlight);
        Assert.Equal(1, server.Answered);

        server.Open(2, 3, 4, 5, 6);
        var ids = await read;

        Assert.Equal(Enumerable.Range(1, 10).SelectMany(p => Enumerable.Range(0, 10).Select(i => $"e{p}-{i}")), ids);
        Assert.Equal(Depth, server.MaxInFlight);
        Assert.Equal(Enumerable.Range(1, 10), server.Pages.Order());
    }

    [Fact]
    public async Task A_sequential_read_has_one_request_in_flight()
    {
        using var server = PageServer.Honest(100);
        using var client = TestClients.Create(server);

        Assert.Equal(100, (await IdsAsync(client.GetEventsAsync(Query()))).Count);

        Assert.Equal(1, server.MaxInFlight);
        Assert.Equal(Enumerable.Range(1, 10), server.Pages);
    }

    [Fact]
    public async Task While_the_caller_holds_page_k_at_most_k_plus_N_pages_have_been_fetched()
    {
        using var server = PageServer.Honest(100);
        using var client = TestClients.Create(server);
        var observed = new List<(int Page, int Received, int Answered)>();
        var count = 0;

        await foreach (var e in client.GetEventsAsync(Query(concurrency: Depth)))
        {
            count++;
            var page = PageOf(e.EventId);
            if (e.EventId!.EndsWith("-0", StringComparison.Ordinal))
            {
                // Let the pages fetched ahead arrive, then check that no more were asked for.
                var ahead = Math.Min(page + Depth, 10);
                await server.WhenAnswered(ahead);
                observed.Add((page, server.Received, server.Answered));
            }
        }

        Assert.Equal(100, count);
        Assert.Equal(10, observed.Count);
        Assert.All(observed, o =>
        {
            Assert.Equal(Math.Min(o.Page + Depth, 10), o.Received);
            Assert.Equal(Math.Min(o.Page + Depth, 10), o.Answered);
        });
        Assert.Equal(10, server.Received);
    }

    [Fact]
    public async Task A_caller_that_stops_early_leaves_only_the_pages_fetched_ahead()
    {
        using var server = PageServer.Honest(1000);
        using var client = TestClients.Create(server);

        await foreach (var e in client.GetEventsAsync(Query(concurrency: Depth)))
        {
            break;
        }

        Assert.InRange(server.Received, 1, 1 + Depth);
        Assert.All(server.Pages, p => Assert.InRange(p, 1, 1 + Depth));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(17)]
    [InlineData(int.MaxValue)]
    public void MaxConcurrency_outside_1_to_16_is_rejected(int value)
    {
        var query = new EventQuery("p");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => query.MaxConcurrency = value);

        Assert.Contains("between 1 and 16", error.Message, StringComparison.Ordinal);
        Assert.Equal(value, error.ActualValue);
        Assert.Equal(1, query.MaxConcurrency);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(16)]
    public void MaxConcurrency_from_1_to_16_is_accepted(int value)
    {
        Assert.Equal(value, new EventQuery("p") { MaxConcurrency = value }.MaxConcurrency);
        Assert.Equal(16, EventQuery.MaxMaxConcurrency);
        Assert.Equal(1, new EventQuery("p").MaxConcurrency);
    }

    [Fact]
    public async Task Sixteen_pages_can_be_in_flight_at_once()
    {
        using var server = PageServer.Honest(1000);
        using var client = TestClients.Create(server);
        server.Hold([.. Enumerable.Range(2, 17)]);

        var read = IdsAsync(client.GetEventsAsync(Query(concurrency: EventQuery.MaxMaxConcurrency)));
        await server.WhenInFlight(16);
        Assert.Equal(Enumerable.Range(1, 17), server.Pages.Order());
        server.Open([.. Enumerable.Range(2, 17)]);

        Assert.Equal(1000, (await read).Count);
        Assert.Equal(16, server.MaxInFlight);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MaxEvents_with_a_parallel_read_requests_only_the_pages_it_needs(bool export)
    {
        using var server = PageServer.Honest(10_000);
        using var client = TestClients.Create(server);
        var query = Query(concurrency: Depth);
        query.MaxEvents = 25;

        var ids = await IdsAsync(Read(client, query, export));

        Assert.Equal(25, ids.Count);
        Assert.Equal("e3-4", ids[^1]);
        Assert.Equal([1, 2, 3], server.Pages.Order());
    }

    [Fact]
    public async Task MaxEvents_below_the_page_size_with_a_parallel_read_is_one_request()
    {
        using var server = PageServer.Honest(10_000);
        using var client = TestClients.Create(server);
        var query = Query(pageSize: 100, concurrency: Depth);
        query.MaxEvents = 7;

        Assert.Equal(7, (await IdsAsync(client.GetEventsAsync(query))).Count);

        Assert.Equal([1], server.Pages);
    }

    [Fact]
    public async Task MaxPages_with_a_parallel_read_requests_exactly_those_pages()
    {
        using var server = PageServer.Honest(10_000);
        using var client = TestClients.Create(server);
        var query = Query(concurrency: Depth);
        query.MaxPages = 3;

        var pages = new List<int>();
        await foreach (var page in client.GetEventPagesAsync(query)) pages.Add(page.PageNumber);

        Assert.Equal([1, 2, 3], pages);
        Assert.Equal([1, 2, 3], server.Pages.Order());
    }

    [Fact]
    public async Task MaxPages_from_a_later_start_page_with_a_parallel_read()
    {
        using var server = PageServer.Honest(10_000);
        using var client = TestClients.Create(server);
        var query = Query(concurrency: Depth);
        query.StartPage = 4;
        query.MaxPages = 2;

        var ids = await IdsAsync(client.ExportEventsAsync(query));

        Assert.Equal(20, ids.Count);
        Assert.Equal("e4-0", ids[0]);
        Assert.Equal("e5-9", ids[^1]);
        Assert.Equal([4, 5], server.Pages.Order());
    }

    [Fact]
    public async Task The_last_page_of_the_total_is_the_last_one_fetched_ahead()
    {
        // 3 pages: one request each, none beyond the total, however deep the prefetch.
        using var server = PageServer.Honest(25);
        using var client = TestClients.Create(server);

        Assert.Equal(25, (await IdsAsync(client.GetEventsAsync(Query(concurrency: 16)))).Count);

        Assert.Equal([1, 2, 3], server.Pages.Order());
    }

    [Fact]
    public async Task Without_a_total_nothing_is_fetched_ahead()
    {
        // The documented rule: pages are fetched ahead once the first page gives totalEvents. Without one
        // the read cannot know where the end is, and a parallel read sends what a sequential one does.
        using var server = new PageServer((page, limit) => new PageAnswer(page <= 2 ? limit : 0, null));
        using var client = TestClients.Create(server);

        Assert.Equal(20, (await IdsAsync(client.GetEventsAsync(Query(concurrency: Depth)))).Count);

        Assert.Equal([1, 2, 3], server.Pages);
        Assert.Equal(1, server.MaxInFlight);
    }

    [Fact]
    public async Task A_total_that_keeps_growing_is_stopped_by_the_page_bound_without_fetching_past_it()
    {
        // Always one more than asked for: full pages forever. The first total (11 at limit 10) allows
        // 2 pages plus one of slack, as for a sequential read; no page beyond that bound is requested.
        using var server = new PageServer((page, limit) => new PageAnswer(limit, (long)page * limit + 1));
        using var client = TestClients.Create(server);
        var delivered = 0;

        var error = await Assert.ThrowsAsync<EventPaginationException>(async () =>
        {
            await foreach (var e in client.GetEventsAsync(Query(concurrency: Depth))) delivered++;
        });

        Assert.Equal(EventPaginationError.TooManyPages, error.Error);
        Assert.Equal(30, delivered);
        Assert.Equal([1, 2, 3], server.Pages.Order());
    }

    [Fact]
    public async Task A_failing_page_fetched_ahead_surfaces_after_the_pages_before_it()
    {
        using var server = PageServer.Honest(100);
        server.Override = page => page == 3 ? FlowTestClient.Json("""{"error":"bad page"}""", System.Net.HttpStatusCode.BadRequest) : null;
        using var client = TestClients.Create(server);
        var ids = new List<string?>();

        var error = await Assert.ThrowsAnyAsync<HoneyHiveApiException>(async () =>
        {
            await foreach (var e in client.GetEventsAsync(Query(concurrency: Depth))) ids.Add(e.EventId);
        });

        Assert.Equal(400, error.ResponseStatusCode);
        // Pages 1 and 2 in full, in order, then page 3's error; nothing of the pages after it.
        Assert.Equal(Enumerable.Range(1, 2).SelectMany(p => Enumerable.Range(0, 10).Select(i => $"e{p}-{i}")), ids);
    }
}
