using System.Text.Json.Nodes;
using HoneyHive.Kiota.Filters;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Pagination;
using HoneyHive.Kiota.Testing;

namespace HoneyHive.Kiota.EndToEnd.Tests.Paging;

/// <summary>
/// A read stopped part-way (the caller stopped, or cancelled) and continued from the last complete page's
/// <see cref="EventPage.Position"/>, saved as JSON: the two parts together are the uninterrupted read, event
/// for event, although events arrived in between (the continued read keeps the first one's pinned bound).
/// </summary>
public sealed class ResumedReadTests
{
    private const string Project = "resume";
    private const int Count = 2_345;
    private const int PageSize = 100;

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static InMemoryHoneyHive Seeded()
    {
        var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = "key", Order = EventOrder.StartTimeDescending });
        fake.AddEvents(Enumerable.Range(0, Count).Select(i => Event($"e-{i:D5}", Now.AddHours(-1).AddSeconds(i), i % 3 == 0 ? "model" : "tool")));
        return fake;
    }

    private static JsonObject Event(string id, DateTimeOffset start, string type) => new()
    {
        ["project"] = Project,
        ["event_id"] = id,
        ["event_type"] = type,
        ["start_time"] = start.ToUnixTimeMilliseconds(),
    };

    private static EventQuery Query(int concurrency) => new(Project)
    {
        Filters = [EventFilters.Field("event_type").IsNot("chain")],
        DateRange = DateRanges.Since(Now.AddDays(-1)),
        PageSize = PageSize,
        MaxConcurrency = concurrency,
    };

    private static IAsyncEnumerable<EventPage> Pages(HoneyHiveClient client, EventQuery query, bool export, CancellationToken cancellationToken = default) =>
        export ? client.ExportEventPagesAsync(query, cancellationToken) : client.GetEventPagesAsync(query, cancellationToken);

    [Theory]
    [InlineData(false, 1, false)]
    [InlineData(true, 1, false)]
    [InlineData(true, 4, false)]
    [InlineData(false, 4, true)]
    [InlineData(true, 1, true)]
    [InlineData(true, 4, true)]
    public async Task A_stopped_read_continued_from_its_position_is_the_whole_read(bool export, int concurrency, bool cancel)
    {
        using var fake = Seeded();
        using var client = new HoneyHiveClient("key", new HoneyHiveClientOptions { Handler = fake });
        var whole = new List<string>();
        await foreach (var page in Pages(client, Query(concurrency), export))
        {
            whole.AddRange(page.Events.Select(e => e.EventId!));
        }

        // The first part: seven pages, then the caller stops (or its token is cancelled during the eighth).
        var first = new List<string>();
        string? saved = null;
        using var cancellation = new CancellationTokenSource();
        try
        {
            await foreach (var page in Pages(client, Query(concurrency), export, cancellation.Token))
            {
                first.AddRange(page.Events.Select(e => e.EventId!));
                saved = page.Position!.ToJson();
                if (page.PageNumber == 7)
                {
                    if (!cancel)
                    {
                        break;
                    }

                    await cancellation.CancelAsync();
                }
            }

            Assert.False(cancel, "the read was not cancelled");
        }
        catch (OperationCanceledException) when (cancel)
        {
        }

        // Events arrive between the two parts: newer than the pin (outside both), and none inside it.
        fake.AddEvents(Enumerable.Range(0, 50).Select(i => Event($"late-{i}", DateTimeOffset.UtcNow.AddMinutes(1 + i), "model")));

        var position = EventReadPosition.Parse(saved!);
        var resumed = Query(concurrency);
        resumed.ResumeFrom = position;
        var rest = new List<string>();
        await foreach (var page in Pages(client, resumed, export))
        {
            rest.AddRange(page.Events.Select(e => e.EventId!));
        }

        Assert.Equal(Count, whole.Count);
        Assert.Equal(7 * PageSize, first.Count);
        Assert.Equal(8, position.NextPage);
        Assert.Equal(PageSize, position.PageSize);
        Assert.Equal(whole, first.Concat(rest));
    }

    [Fact]
    public async Task A_position_is_refused_by_another_query()
    {
        using var fake = Seeded();
        using var client = new HoneyHiveClient("key", new HoneyHiveClientOptions { Handler = fake });
        EventReadPosition? position = null;
        await foreach (var page in client.ExportEventPagesAsync(Query(1)))
        {
            position = page.Position;
            break;
        }

        var other = Query(1);
        other.Filters = [EventFilters.Field("event_type").Is("model")];
        other.ResumeFrom = position;
        var onGet = Query(1);
        onGet.ResumeFrom = position;

        var error = Assert.Throws<ArgumentException>(() => client.ExportEventPagesAsync(other));
        Assert.StartsWith("EventQuery.ResumeFrom was saved by a read of another query", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => client.GetEventPagesAsync(onGet));
    }

    [Fact]
    public async Task A_page_cut_short_by_MaxEvents_has_no_position()
    {
        using var fake = Seeded();
        using var client = new HoneyHiveClient("key", new HoneyHiveClientOptions { Handler = fake });
        var query = Query(1);
        query.MaxEvents = 150;

        var positions = new List<EventReadPosition?>();
        await foreach (var page in client.ExportEventPagesAsync(query))
        {
            positions.Add(page.Position);
        }

        Assert.Equal(2, positions.Count);
        Assert.Equal(2, positions[0]!.NextPage);
        Assert.Null(positions[1]);
    }
}
