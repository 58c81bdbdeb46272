using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing.Tests;

public class OrderTests
{
    private const long T0 = 1_700_000_000_000L;

    private static InMemoryHoneyHive NewestFirst() => new(new InMemoryHoneyHiveOptions { Order = EventOrder.StartTimeDescending });

    private static JsonObject At(string id, JsonNode startTime) => new() { ["project"] = "p", ["event_id"] = id, ["start_time"] = startTime };

    private static async Task<string[]> PageAsync(HttpClient client, int limit, int page)
    {
        var (status, body) = await Api.GetAsync(client, $"events?project=p&filters={Api.Encode("[]")}&limit={limit}&page={page}");
        Assert.Equal(200, status);
        return Api.Ids(body);
    }

    [Fact]
    public async Task Insertion_order_is_the_default()
    {
        using var fake = new InMemoryHoneyHive();
        fake.AddEvents(At("late", T0 + 5000), At("early", T0), At("middle", T0 + 1000));
        using var client = Api.Client(fake);

        Assert.Equal(["late", "early", "middle"], await PageAsync(client, 10, 1));
    }

    [Fact]
    public async Task Newest_start_time_first_for_get_and_export()
    {
        using var fake = NewestFirst();
        fake.AddEvents(At("middle", T0 + 1000), At("late", T0 + 5000), At("early", T0));
        using var client = Api.Client(fake);

        var (status, export) = await Api.PostAsync(client, "events/export", Api.Export("p"));

        Assert.Equal(["late", "middle", "early"], await PageAsync(client, 10, 1));
        Assert.Equal(200, status);
        Assert.Equal(["late", "middle", "early"], Api.Ids(export));
        Assert.Equal(3, export["totalEvents"]!.GetValue<int>());
        // The stored snapshot keeps insertion order: only reads are ordered.
        Assert.Equal(["middle", "late", "early"], fake.Events.Select(e => e["event_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Equal_start_times_put_the_later_insertion_first()
    {
        using var fake = NewestFirst();
        fake.AddEvents(At("a", T0), At("b", T0), At("newer", T0 + 1), At("c", T0));
        using var client = Api.Client(fake);

        Assert.Equal(["newer", "c", "b", "a"], await PageAsync(client, 10, 1));
    }

    [Fact]
    public async Task Start_times_in_every_accepted_form_compare_as_instants()
    {
        using var fake = NewestFirst();
        fake.AddEvents(
            At("ms", T0 + 2000),                                                                         // 2023-11-14 22:13:22 UTC
            At("space", "2023-11-14 22:13:23"),
            At("iso", "2023-11-14T22:13:21Z"),
            At("digits", (T0 + 1500).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            At("unreadable", "soon"));
        using var client = Api.Client(fake);

        Assert.Equal(["space", "ms", "digits", "iso", "unreadable"], await PageAsync(client, 10, 1));
    }

    [Fact]
    public async Task Events_added_between_pages_shift_later_pages()
    {
        using var fake = NewestFirst();
        fake.AddEvents(Enumerable.Range(0, 6).Select(i => At($"e{i}", T0 + i * 1000L)));
        using var client = Api.Client(fake);

        var page1 = await PageAsync(client, 3, 1);
        // Two new events, both newer than page 1's second event but older than its first.
        var (status, _) = await Api.PostAsync(client, "events/batch", Api.Batch(At("n1", T0 + 4600), At("n2", T0 + 4300)));
        var page2 = await PageAsync(client, 3, 2);
        var page3 = await PageAsync(client, 3, 3);

        Assert.Equal(200, status);
        Assert.Equal(["e5", "e4", "e3"], page1);
        Assert.Equal(["e4", "e3", "e2"], page2);
        Assert.Equal(page1[^2..], page2[..2]);
        Assert.Equal(["e1", "e0"], page3);
    }

    [Fact]
    public async Task Date_range_and_filters_apply_before_ordering_and_paging()
    {
        using var fake = NewestFirst();
        fake.AddEvents(Enumerable.Range(0, 10).Select(i => At($"e{i}", T0 + i * 1000L)));
        using var client = Api.Client(fake);
        var request = Api.Export("p", [Api.Filter("event_id", "is not", "e6", "id")]);
        request["dateRange"] = new JsonObject { ["$gte"] = T0 + 2000, ["$lte"] = T0 + 7000 };
        request["limit"] = 2;
        request["page"] = 2;

        var (status, body) = await Api.PostAsync(client, "events/export", request);

        Assert.Equal(200, status);
        Assert.Equal(["e4", "e3"], Api.Ids(body));
        Assert.Equal(5, body["totalEvents"]!.GetValue<int>());
    }

    [Fact]
    public void Unknown_order_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { Order = (EventOrder)7 }));
    }
}
