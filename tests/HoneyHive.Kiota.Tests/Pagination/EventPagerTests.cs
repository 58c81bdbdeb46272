using System.Text.Json;
using HoneyHive.Kiota.Filters;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Pagination;
using Xunit;

namespace HoneyHive.Kiota.Tests.Pagination;

public sealed class EventPagerTests
{
    private static EventQuery Query(int pageSize = 1000) => new("p") { PageSize = pageSize };

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }

    [Fact]
    public async Task Zero_total_makes_one_request_and_yields_nothing()
    {
        var server = FakeEventsServer.Honest(0);
        Assert.Empty(await ToListAsync(EventPager.ReadEventsAsync(server.Api, Query(), export: false)));
        Assert.Empty(await ToListAsync(EventPager.ReadPagesAsync(server.Api, Query(), export: true)));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Exact_multiple_of_the_page_size_stops_on_the_total_without_an_extra_request()
    {
        var server = FakeEventsServer.Honest(3000);
        var pages = await ToListAsync(EventPager.ReadPagesAsync(server.Api, Query(), export: false));

        Assert.Equal([1, 2, 3], pages.Select(p => p.PageNumber));
        Assert.Equal([1000L, 2000L, 3000L], pages.Select(p => p.EventsSoFar));
        Assert.All(pages, p => Assert.Equal(3000, p.TotalEvents));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_read_can_start_at_a_later_page()
    {
        var server = FakeEventsServer.Honest(3500);
        var pages = await ToListAsync(EventPager.ReadPagesAsync(server.Api, new EventQuery("p") { StartPage = 3 }, export: false));

        Assert.Equal([3, 4], pages.Select(p => p.PageNumber));
        Assert.Equal([3, 4], server.Requests.Select(r => r.Page));
        Assert.Equal([1000L, 1500L], pages.Select(p => p.EventsSoFar));
    }

    [Fact]
    public async Task From_a_later_page_limits_count_from_the_start_page_and_keep_the_page_size()
    {
        var server = FakeEventsServer.Honest(10_000);
        var events = await ToListAsync(EventPager.ReadEventsAsync(server.Api, new EventQuery("p") { StartPage = 2, PageSize = 100, MaxPages = 2 }, export: true));

        Assert.Equal(200, events.Count);
        Assert.Equal([(2, 100), (3, 100)], server.Requests.Select(r => (r.Page, r.Limit)));

        // MaxEvents below the page size would shrink the limit from page 1 only: from page 5 it would move the page boundaries.
        server.Requests.Clear();
        Assert.Equal(10, (await ToListAsync(EventPager.ReadEventsAsync(server.Api, new EventQuery("p") { StartPage = 5, PageSize = 100, MaxEvents = 10 }, export: false))).Count);
        Assert.Equal([(5, 100)], server.Requests.Select(r => (r.Page, r.Limit)));
    }

    [Fact]
    public void The_start_page_is_validated() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventQuery("p") { StartPage = 0 });

    [Fact]
    public async Task Exact_multiple_without_a_total_stops_on_the_empty_page()
    {
        var server = new FakeEventsServer((page, limit) => new PageAnswer(page <= 2 ? limit : 0, null));
        var events = await ToListAsync(EventPager.ReadEventsAsync(server.Api, Query(500), export: false));

        Assert.Equal(1000, events.Count);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Short_last_page_ends_the_read()
    {
        // The total claims more than there is; the short page is the truth.
        var server = new FakeEventsServer((page, limit) => new PageAnswer(page == 3 ? 17 : limit, 99_999));
        var events = await ToListAsync(EventPager.ReadEventsAsync(server.Api, Query(100), export: true));

        Assert.Equal(217, events.Count);
        Assert.Equal("e3-16", events[^1].EventId);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task A_total_that_keeps_growing_is_stopped_by_the_page_bound()
    {
        // Always one more than asked: full pages forever.
        var server = new FakeEventsServer((page, limit) => new PageAnswer(limit, (long)page * limit + 1));
        var delivered = new List<Event>();

        var error = await Assert.ThrowsAsync<EventPaginationException>(async () =>
        {
            await foreach (var e in EventPager.ReadEventsAsync(server.Api, Query(10), export: false)) delivered.Add(e);
        });

        // First total 11 at limit 10 → 2 pages, plus one page of slack.
        Assert.Equal(EventPaginationError.TooManyPages, error.Error);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(3, error.PagesRead);
        Assert.Equal(30, error.EventsRead);
        Assert.Equal(11, error.FirstTotalEvents);
        Assert.Equal(30, delivered.Count);
        Assert.Contains("totalEvents = 11", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_pages_forever_without_a_total_hit_the_hard_limit()
    {
        var server = new FakeEventsServer((page, limit) => new PageAnswer(limit, null));
        var error = await Assert.ThrowsAsync<EventPaginationException>(async () =>
        {
            await foreach (var page in EventPager.ReadPagesAsync(server.Api, Query(1), export: true)) { }
        });

        Assert.Equal(EventPaginationError.TooManyPages, error.Error);
        Assert.Equal(EventPager.UnknownTotalPageLimit, server.Requests.Count);
        Assert.Null(error.FirstTotalEvents);
    }

    [Fact]
    public async Task A_server_that_ignores_the_page_number_is_detected()
    {
        var server = new FakeEventsServer((page, limit) => new PageAnswer(limit, 10 * limit, SameIdsEveryPage: true));
        var error = await Assert.ThrowsAsync<EventPaginationException>(async () =>
        {
            await foreach (var e in EventPager.ReadEventsAsync(server.Api, Query(5), export: false)) { }
        });

        Assert.Equal(EventPaginationError.RepeatedPage, error.Error);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(5, error.EventsRead);
    }

    [Fact]
    public async Task MaxEvents_trims_the_last_page_and_stops()
    {
        var server = FakeEventsServer.Honest(10_000);
        var query = Query(1000);
        query.MaxEvents = 2500;
        var pages = await ToListAsync(EventPager.ReadPagesAsync(server.Api, query, export: false));

        Assert.Equal([1000, 1000, 500], pages.Select(p => p.Events.Count));
        Assert.Equal(2500, pages[^1].EventsSoFar);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(1000, r.Limit));
    }

    [Fact]
    public async Task MaxEvents_below_the_page_size_asks_for_just_that_many()
    {
        var server = FakeEventsServer.Honest(10_000);
        var query = Query(1000);
        query.MaxEvents = 42;
        var events = await ToListAsync(EventPager.ReadEventsAsync(server.Api, query, export: true));

        Assert.Equal(42, events.Count);
        var request = Assert.Single(server.Requests);
        Assert.Equal(42, request.Limit);
        Assert.Equal(1, request.Page);
    }

    [Fact]
    public async Task MaxPages_stops_quietly()
    {
        var server = FakeEventsServer.Honest(10_000);
        var query = Query(100);
        query.MaxPages = 2;

        Assert.Equal(200, (await ToListAsync(EventPager.ReadEventsAsync(server.Api, query, export: false))).Count);
        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(7501)]
    [InlineData(int.MaxValue)]
    public void Page_size_out_of_range_is_rejected(int pageSize)
    {
        var query = new EventQuery("p");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => query.PageSize = pageSize);
        Assert.Contains("between 1 and 7500", error.Message, StringComparison.Ordinal);
        Assert.Equal(EventQuery.DefaultPageSize, query.PageSize);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7500)]
    public void Page_size_bounds_are_accepted(int pageSize) => Assert.Equal(pageSize, new EventQuery("p") { PageSize = pageSize }.PageSize);

    [Fact]
    public void Other_query_values_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventQuery("p") { MaxEvents = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventQuery("p") { MaxPages = 0 });

        var api = FakeEventsServer.Honest(0).Api;
        Assert.Throws<ArgumentNullException>(() => EventPager.ReadEventsAsync(api, null!, export: false));
        var noProject = Assert.Throws<ArgumentException>(() => EventPager.ReadEventsAsync(api, new EventQuery(" "), export: false));
        Assert.Equal("query", noProject.ParamName);
        var projections = Assert.Throws<ArgumentException>(() => EventPager.ReadPagesAsync(api, new EventQuery("p") { Projections = ["event_id"] }, export: false));
        Assert.Contains("only supported by POST /events/export", projections.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => EventPager.ReadEventsAsync(api, new EventQuery("p") { Filters = [null!] }, export: true));
        Assert.Throws<ArgumentNullException>(() => EventPager.ReadPagesAsync(null!, new EventQuery("p"), export: true));
    }

    [Fact]
    public async Task Cancelling_between_pages_throws_and_sends_no_further_request()
    {
        var server = FakeEventsServer.Honest(10_000);
        using var cts = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in EventPager.ReadEventsAsync(server.Api, Query(100), export: false, cancellationToken: cts.Token))
            {
                if (++seen == 150) cts.Cancel();
            }
        });

        Assert.Equal(200, seen); // page 2 was already in memory; no page 3
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_through_WithCancellation_is_honoured()
    {
        var server = FakeEventsServer.Honest(10_000);
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in EventPager.ReadPagesAsync(server.Api, Query(100), export: true).WithCancellation(cts.Token))
            {
                cts.Cancel();
            }
        });

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Cancelling_during_a_request_surfaces_as_cancellation()
    {
        var server = FakeEventsServer.Honest(10_000);
        using var cts = new CancellationTokenSource();
        server.OnRequest = page => { if (page == 2) cts.Cancel(); };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in EventPager.ReadEventsAsync(server.Api, Query(100), export: false, cancellationToken: cts.Token)) { }
        });

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        var server = FakeEventsServer.Honest(10);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in EventPager.ReadEventsAsync(server.Api, Query(), export: false, cancellationToken: new CancellationToken(true))) { }
        });

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Get_sends_project_filters_date_range_page_and_limit_in_the_query()
    {
        var server = FakeEventsServer.Honest(250);
        var query = new EventQuery("Simple RAG")
        {
            PageSize = 100,
            Filters = [EventFilters.Field("event_type").Is("model"), EventFilters.Field("metadata.cost").GreaterThan(0.01)],
            DateRange = DateRanges.Between(new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 4, 2, 0, 0, 0, TimeSpan.Zero)),
        };

        Assert.Equal(250, (await ToListAsync(EventPager.ReadEventsAsync(server.Api, query, export: false))).Count);

        Assert.Equal([1, 2, 3], server.Requests.Select(r => r.Page));
        Assert.All(server.Requests, r =>
        {
            Assert.Equal(HttpMethod.Get, r.Method);
            Assert.Equal("/events", r.Uri.AbsolutePath);
            Assert.Equal("100", FlowTestClient.Query(r.Uri, "limit"));
            Assert.Equal("Simple RAG", FlowTestClient.Query(r.Uri, "project"));
            Assert.Equal(
                "[{\"field\":\"event_type\",\"operator\":\"is\",\"type\":\"string\",\"value\":\"model\"},"
                + "{\"field\":\"metadata.cost\",\"operator\":\"greater than\",\"type\":\"number\",\"value\":\"0.01\"}]",
                FlowTestClient.Query(r.Uri, "filters"));
            Assert.Equal("{\"$gte\":\"2024-04-01T00:00:00.000Z\",\"$lte\":\"2024-04-02T00:00:00.000Z\"}", FlowTestClient.Query(r.Uri, "dateRange"));
        });
        Assert.Equal(["1", "2", "3"], server.Requests.Select(r => FlowTestClient.Query(r.Uri, "page")));
    }

    [Fact]
    public async Task Get_sends_an_empty_filter_list_when_none_is_given()
    {
        var server = FakeEventsServer.Honest(1);
        await ToListAsync(EventPager.ReadEventsAsync(server.Api, new EventQuery("p"), export: false));
        Assert.Equal("[]", FlowTestClient.Query(server.Requests[0].Uri, "filters"));
    }

    [Fact]
    public async Task Export_sends_page_limit_and_projections_in_the_body()
    {
        var server = FakeEventsServer.Honest(25);
        var query = new EventQuery("p")
        {
            PageSize = 10,
            Filters = [EventFilters.Field("event_type").IsNot("session")],
            Projections = ["event_id", "metadata.cost"],
        };

        Assert.Equal(25, (await ToListAsync(EventPager.ReadEventsAsync(server.Api, query, export: true))).Count);

        Assert.Equal(3, server.Requests.Count);
        for (var i = 0; i < 3; i++)
        {
            var r = server.Requests[i];
            Assert.Equal(HttpMethod.Post, r.Method);
            Assert.Equal("/events/export", r.Uri.AbsolutePath);
            using var body = JsonDocument.Parse(r.Body!);
            var root = body.RootElement;
            Assert.Equal(i + 1, root.GetProperty("page").GetInt32());
            Assert.Equal(10, root.GetProperty("limit").GetInt32());
            Assert.Equal("p", root.GetProperty("project").GetString());
            Assert.Equal(["event_id", "metadata.cost"], root.GetProperty("projections").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("is not", root.GetProperty("filters")[0].GetProperty("operator").GetString());
        }
    }

    [Fact]
    public async Task The_query_is_copied_when_the_read_starts()
    {
        var server = FakeEventsServer.Honest(30);
        var query = Query(10);
        var count = 0;
        await foreach (var e in EventPager.ReadEventsAsync(server.Api, query, export: false))
        {
            count++;
            query.PageSize = 1; // no effect on the running read
        }

        Assert.Equal(30, count);
        Assert.All(server.Requests, r => Assert.Equal(10, r.Limit));
    }
}
