using System.Text.Json.Nodes;
using HoneyHive.Kiota.EndToEnd.Tests.Support;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Pagination;
using HoneyHive.Kiota.Testing;

namespace HoneyHive.Kiota.EndToEnd.Tests.Paging;

/// <summary>
/// Paged reads over a project that changes while it is read, served newest start_time first
/// (<see cref="EventOrder.StartTimeDescending"/>) over loopback: offset pages shift when an event with a newer
/// start_time arrives between two page requests. The read pins its upper time bound when it starts, skips
/// events a shift pushed from the previous page, and with MaxConcurrency above 1 fetches again the pages
/// fetched ahead that saw another set than the page before them.
/// </summary>
public sealed class LivePagingTests
{
    private const string Events = "/events";

    // The client's clock when a read starts: its pin. Sub-millisecond ticks, which the pin drops.
    private static readonly DateTimeOffset Pin = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Original event <paramref name="n"/> (1-based) starts n minutes before the pin: o-01 is the newest.</summary>
    private static string Original(int n) => $"o-{n:D2}";

    private static IEnumerable<string> Originals(int count) => Enumerable.Range(1, count).Select(Original);

    private static JsonObject Event(string id, DateTimeOffset start) => new()
    {
        ["project"] = Clients.Project,
        ["event_id"] = id,
        ["event_type"] = "model",
        ["start_time"] = start.ToUnixTimeMilliseconds(),
    };

    private static async Task<(Loopback Server, PageGate Gate, HoneyHiveClient Client)> StartAsync(int originals)
    {
        var server = await Loopback.StartAsync(order: EventOrder.StartTimeDescending);
        server.Fake.AddEvents(Enumerable.Range(1, originals).Select(n => Event(Original(n), Pin.AddMinutes(-n))));
        var gate = new PageGate();
        // Short timers (retry waits) fire at once; the clock stands still at the pin (plus 0.4 ms).
        var time = new RecordingTimeProvider(TimeSpan.FromMinutes(1)) { Now = Pin.AddTicks(4_000) };
        var client = Clients.ForHost(server.BaseAddress, time: time, handler: gate);
        return (server, gate, client);
    }

    /// <summary>
    /// Events that arrive after page 1 was read: X and Y between page 1's o-02 and o-03 (they push o-04 and
    /// o-05 onto page 2), Z between o-12 and o-13 (on a page not read yet, so the read reaches it), and F
    /// one minute after the pin (outside the read).
    /// </summary>
    private static void AddArrivals(InMemoryHoneyHive fake, bool withZ = true)
    {
        fake.AddEvents(Event("new-X", Pin.AddMinutes(-2.5)), Event("new-Y", Pin.AddMinutes(-2.7)), Event("future-F", Pin.AddMinutes(1)));
        if (withZ)
        {
            fake.AddEvents(Event("new-Z", Pin.AddMinutes(-12.5)));
        }
    }

    private static async Task<List<string>> ReadAsync(HoneyHiveClient client, EventQuery query, Func<int, Task>? atEvent = null, bool export = false)
    {
        var ids = new List<string>();
        await foreach (var e in export ? client.ExportEventsAsync(query) : client.GetEventsAsync(query))
        {
            ids.Add(e.EventId!);
            if (atEvent is not null)
            {
                await atEvent(ids.Count);
            }
        }

        return ids;
    }

    private static string DateRangeSent(RecordedRequest request)
    {
        if (request.Method == HttpMethod.Get)
        {
            var pair = request.PathAndQuery.Split('?', 2)[1].Split('&').Single(p => p.StartsWith("dateRange=", StringComparison.Ordinal));
            return Uri.UnescapeDataString(pair["dateRange=".Length..]);
        }

        return JsonNode.Parse(request.BodyText)!["dateRange"]!.ToJsonString();
    }

    private static void AssertNoDuplicates(List<string> ids) =>
        Assert.True(ids.Count == ids.Distinct().Count(), $"delivered twice: {string.Join(", ", ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key))}");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Events_after_the_pinned_time_are_not_returned(bool export)
    {
        var (server, gate, client) = await StartAsync(0);
        await using var _ = server;
        using var __ = gate;
        using var ___ = client;
        server.Fake.AddEvents(
            Event("at-pin-minus-2s", Pin.AddSeconds(-2)),
            Event("at-pin", Pin),
            Event("at-pin-plus-1ms", Pin.AddMilliseconds(1)),
            Event("at-pin-minus-1s", Pin.AddSeconds(-1)),
            Event("at-pin-plus-1h", Pin.AddHours(1)));

        var ids = await ReadAsync(client, new EventQuery(Clients.Project) { PageSize = 2 }, export: export);

        // $lte is inclusive, and the clock's 0.4 ms past the pin are dropped, not rounded up.
        Assert.Equal(["at-pin", "at-pin-minus-1s", "at-pin-minus-2s"], ids);
        Assert.Equal(2, server.Fake.Requests.Count);
        Assert.All(server.Fake.Requests, r => Assert.Equal("""{"$lte":"2025-01-15T12:00:00.000Z"}""", DateRangeSent(r)));
    }

    [Fact]
    public async Task Sequential_read_while_events_arrive_yields_every_original_once_and_the_new_ones_it_reaches()
    {
        var (server, gate, client) = await StartAsync(15);
        await using var _ = server;
        using var __ = gate;
        using var ___ = client;

        var ids = await ReadAsync(client, new EventQuery(Clients.Project) { PageSize = 5 }, atEvent: count =>
        {
            if (count == 5)
            {
                // Page 1 is consumed and page 2 not yet requested.
                Assert.Equal([1], gate.Pages);
                AddArrivals(server.Fake);
            }

            return Task.CompletedTask;
        });

        // Page 2 now starts with o-04 and o-05 (pushed by X and Y): skipped. Z sits on page 3. F is after the pin.
        Assert.Equal([.. Originals(12), "new-Z", .. Enumerable.Range(13, 3).Select(Original)], ids);
        AssertNoDuplicates(ids);
        Assert.Equal([1, 2, 3, 4], gate.Pages);
    }

    [Fact]
    public async Task Parallel_read_while_events_arrive_yields_what_the_sequential_one_does()
    {
        var (server, gate, client) = await StartAsync(15);
        await using var _ = server;
        using var __ = gate;
        using var ___ = client;
        gate.Hold(2, 3);

        var ids = await ReadAsync(client, new EventQuery(Clients.Project) { PageSize = 5, MaxConcurrency = 3 }, atEvent: count =>
        {
            if (count == 5)
            {
                // Pages 2 and 3 (the total's last) were asked for with page 1, and the server has not seen them.
                Assert.Equal([1, 2, 3], gate.Pages.Order());
                AddArrivals(server.Fake);
                gate.Open(2, 3);
            }

            return Task.CompletedTask;
        });

        Assert.Equal([.. Originals(12), "new-Z", .. Enumerable.Range(13, 3).Select(Original)], ids);
        AssertNoDuplicates(ids);
        // Both pages ahead saw the new set, as page 2 did: none is fetched again.
        Assert.Equal([1, 2, 3, 4], gate.Pages.Order());
    }

    [Fact]
    public async Task Pages_fetched_ahead_before_the_set_changed_are_fetched_again_so_none_is_lost()
    {
        // 20 originals, 4 pages of 5, 3 fetched ahead. Pages 3 and 4 are answered before X and Y arrive,
        // page 2 after: page 2 starts with o-04 and o-05 again (skipped), and the old page 3 (o-11..o-15)
        // would lose o-09 and o-10, which the change moved onto page 3. It is fetched again, with page 4.
        var (server, gate, client) = await StartAsync(20);
        await using var _ = server;
        using var __ = gate;
        using var ___ = client;
        gate.Hold(2, 3, 4);

        var ids = await ReadAsync(client, new EventQuery(Clients.Project) { PageSize = 5, MaxConcurrency = 3 }, atEvent: async count =>
        {
            if (count == 5)
            {
                gate.Open(3, 4);
                await gate.WhenAnswered(3);
                await gate.WhenAnswered(4);
                AddArrivals(server.Fake, withZ: false);
                gate.Open(2);
            }
        });

        Assert.Equal(Originals(20), ids);
        AssertNoDuplicates(ids);
        Assert.Equal(1, gate.RequestsFor(1));
        Assert.Equal(1, gate.RequestsFor(2));
        Assert.Equal(2, gate.RequestsFor(3));
        Assert.Equal(2, gate.RequestsFor(4));
        // 22 events now: page 5 holds the last two originals. Page 2's total made it worth fetching ahead at
        // once; it is dropped with the other pages ahead when page 3 is fetched again, and asked for anew.
        Assert.Equal(2, gate.RequestsFor(5));
        // Counted where the client sends them: the dropped request for page 5 is cancelled, and the server
        // sees it or not depending on how far it got (a full-suite run once counted 7 there).
        Assert.Equal(8, gate.Pages.Count);
    }

    [Fact]
    public async Task A_page_fetched_ahead_after_the_set_changed_is_fetched_again_and_nothing_is_yielded_twice()
    {
        // Page 2 is answered before X and Y arrive, pages 3 and 4 after: their total differs from page 2's and
        // they were asked for before page 2's answer, so both are fetched again in order; the new page 3
        // starts with o-09 and o-10, which page 2 delivered.
        var (server, gate, client) = await StartAsync(20);
        await using var _ = server;
        using var __ = gate;
        using var ___ = client;
        gate.Hold(2, 3, 4);

        var ids = await ReadAsync(client, new EventQuery(Clients.Project) { PageSize = 5, MaxConcurrency = 3 }, atEvent: async count =>
        {
            if (count == 5)
            {
                gate.Open(2);
                await gate.WhenAnswered(2);
                AddArrivals(server.Fake, withZ: false);
                gate.Open(3, 4);
            }
        });

        Assert.Equal(Originals(20), ids);
        AssertNoDuplicates(ids);
        Assert.Equal([1, 1, 2, 2, 1], Enumerable.Range(1, 5).Select(gate.RequestsFor));
    }

    [Fact]
    public async Task A_page_fetched_ahead_whose_body_is_cut_is_fetched_again_in_its_place()
    {
        var (server, gate, client) = await StartAsync(20);
        await using var _ = server;
        using var __ = gate;
        using var ___ = client;
        gate.Hold(2, 3, 4);

        var ids = await ReadAsync(client, new EventQuery(Clients.Project) { PageSize = 5, MaxConcurrency = 3 }, atEvent: async count =>
        {
            if (count == 5)
            {
                // The next answer the server gives, page 3's, is cut in half.
                server.Fake.Faults.TruncateBody(path: Events);
                gate.Open(3);
                await gate.WhenAnswered(3);
                gate.Open(2, 4);
            }
        });

        Assert.Equal(Originals(20), ids);
        Assert.Equal([1, 1, 2, 1], Enumerable.Range(1, 4).Select(gate.RequestsFor));
        Assert.Equal(5, server.RequestsTo(Events));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Export_while_an_event_arrives_after_each_page_yields_every_original_once(int concurrency)
    {
        // After each of the first four pages an event newer than all arrives: each shifts the rest by one
        // (four in all: within the page of slack the first total allows). Sequential or parallel, every
        // original comes exactly once, in order, and the new ones sort before what was read.
        var (server, gate, client) = await StartAsync(30);
        await using var _ = server;
        using var __ = gate;
        using var ___ = client;
        var ids = new List<string>();
        var pages = 0;

        await foreach (var page in client.ExportEventPagesAsync(new EventQuery(Clients.Project) { PageSize = 5, MaxConcurrency = concurrency }))
        {
            ids.AddRange(page.Events.Select(e => e.EventId!));
            if (++pages <= 4)
            {
                server.Fake.AddEvents(Event($"new-{pages}", Pin.AddSeconds(-pages)));
            }
        }

        Assert.Equal(Originals(30), ids);
        AssertNoDuplicates(ids);
    }
}
