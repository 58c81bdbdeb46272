using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing.Tests;

public class RepeatTests
{
    private static JsonObject Batch(params string[] ids) => Api.Batch(ids.Select(id => Api.Event(id: id)).ToArray());

    private static (string, bool)[] Repeats(InMemoryHoneyHive fake) =>
        fake.RepeatedEvents.Select(r => (r.EventId, r.AfterHiddenOutcome)).ToArray();

    [Fact]
    public async Task A_truncated_batch_sent_again_repeats_every_event_after_a_hidden_outcome()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.TruncateBody(path: "/events/batch");

        using var truncated = await client.PostAsync("events/batch", Api.Json(Batch("t-1", "t-2", "t-3")));
        var text = await truncated.Content.ReadAsStringAsync();
        var (retry, body) = await Api.PostAsync(client, "events/batch", Batch("t-1", "t-2", "t-3"));

        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
        Assert.Equal(200, retry);
        Assert.Equal(["t-1", "t-2", "t-3"], Api.Ids(body, "event_ids"));
        Assert.Equal([("t-1", true), ("t-2", true), ("t-3", true)], Repeats(fake));
        Assert.Equal(3, fake.RepeatedEventCount);
        Assert.Equal(3, fake.Events.Count);
    }

    [Fact]
    public async Task The_same_batch_sent_twice_without_a_fault_repeats_without_a_reason()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);

        var (first, _) = await Api.PostAsync(client, "events/batch", Batch("d-1", "d-2"));
        var (second, _) = await Api.PostAsync(client, "events/batch", Batch("d-1", "d-2"));

        Assert.Equal(200, first);
        Assert.Equal(200, second);
        Assert.Equal([("d-1", false), ("d-2", false)], Repeats(fake));
        Assert.Equal(2, fake.RepeatedEventCount);
        Assert.Equal(2, fake.Events.Count);
    }

    [Fact]
    public async Task A_reset_after_processing_is_a_hidden_outcome()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.ResetConnectionAfterProcessing();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("events/batch", Api.Json(Batch("r-1", "r-2"))));
        await Api.PostAsync(client, "events/batch", Batch("r-2", "r-1", "new"));

        Assert.Equal([("r-2", true), ("r-1", true)], Repeats(fake));
        Assert.Equal(3, fake.Events.Count);
    }

    [Theory]
    [InlineData(RandomFaultKinds.TruncatedBody)]
    [InlineData(RandomFaultKinds.ResetAfterProcessing)]
    public async Task A_random_post_processing_fault_is_a_hidden_outcome(RandomFaultKinds kind)
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.InjectRandomFaults(new RandomFaultOptions { Probability = 1, Kinds = kind });

        try
        {
            using var _ = await client.PostAsync("events/batch", Api.Json(Batch("x-1")));
        }
        catch (HttpRequestException) when (kind == RandomFaultKinds.ResetAfterProcessing)
        {
        }

        fake.Faults.StopRandomFaults();
        var (status, _) = await Api.PostAsync(client, "events/batch", Batch("x-1"));

        Assert.Equal(200, status);
        Assert.Equal([("x-1", true)], Repeats(fake));
    }

    [Fact]
    public async Task Any_earlier_request_with_a_hidden_outcome_counts_not_only_the_one_that_stored()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);

        await Api.PostAsync(client, "events/batch", Batch("e-1"));                 // stored, answer seen
        fake.Faults.TruncateBody();
        using (await client.PostAsync("events/batch", Api.Json(Batch("e-1"))))   // a needless repeat, answer lost
        {
        }

        await Api.PostAsync(client, "events/batch", Batch("e-1"));                 // now the client had a reason

        Assert.Equal([("e-1", false), ("e-1", true)], Repeats(fake));
        Assert.Single(fake.Events);
    }

    [Fact]
    public async Task Faults_before_processing_and_failed_batch_events_leave_nothing_to_repeat()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.RespondWithStatus(HttpStatusCode.ServiceUnavailable);
        fake.Faults.FailConnection();

        var (unavailable, _) = await Api.PostAsync(client, "events/batch", Batch("p-1"));
        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("events/batch", Api.Json(Batch("p-1"))));
        fake.Faults.FailBatchEventIds("p-2");
        var (partial, _) = await Api.PostAsync(client, "events/batch", Batch("p-1", "p-2"));
        var (retry, _) = await Api.PostAsync(client, "events/batch", Batch("p-2"));

        Assert.Equal(503, unavailable);
        Assert.Equal(500, partial);
        Assert.Equal(200, retry);
        Assert.Empty(fake.RepeatedEvents);
        Assert.Equal(2, fake.Events.Count);
    }

    [Fact]
    public async Task An_id_twice_in_one_batch_is_a_repeat_without_a_reason_even_if_the_answer_is_lost()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.TruncateBody();

        using (await client.PostAsync("events/batch", Api.Json(Batch("twice", "twice"))))
        {
        }

        Assert.Equal([("twice", false)], Repeats(fake));
        Assert.Single(fake.Events);
    }

    [Fact]
    public async Task AddEvents_is_never_a_repeat_but_sending_a_seeded_id_is()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);

        fake.AddEvents(Api.Event(id: "seed"));
        fake.AddEvents(Api.Event(id: "seed"));
        var countAfterSeeding = fake.RepeatedEventCount;
        await Api.PostAsync(client, "events/batch", Batch("seed"));

        Assert.Equal(0, countAfterSeeding);
        Assert.Equal([("seed", false)], Repeats(fake));
    }

    [Fact]
    public async Task RepeatedEvents_is_a_snapshot_and_ClearEvents_empties_it()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        await Api.PostAsync(client, "events/batch", Batch("s"));
        await Api.PostAsync(client, "events/batch", Batch("s"));

        var snapshot = fake.RepeatedEvents;
        await Api.PostAsync(client, "events/batch", Batch("s"));
        var countBeforeClear = fake.RepeatedEventCount;
        fake.ClearEvents();
        await Api.PostAsync(client, "events/batch", Batch("s"));

        Assert.Single(snapshot);
        Assert.Equal(2, countBeforeClear);
        Assert.Equal(0, fake.RepeatedEventCount);
        Assert.Single(fake.Events);
    }

    [Fact]
    public async Task Concurrent_repeats_are_all_counted()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        var ids = Enumerable.Range(0, 10).Select(i => $"c-{i}").ToArray();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
            (await Api.PostAsync(client, "events/batch", Batch(ids))).Status)));

        Assert.All(statuses, s => Assert.Equal(200, s));
        Assert.Equal(10, fake.Events.Count);
        Assert.Equal(190, fake.RepeatedEventCount);
        Assert.All(ids, id => Assert.Equal(19, fake.RepeatedEvents.Count(r => r.EventId == id)));
        Assert.All(fake.RepeatedEvents, r => Assert.False(r.AfterHiddenOutcome));
    }
}
