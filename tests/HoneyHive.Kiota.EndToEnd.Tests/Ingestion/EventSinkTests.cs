using System.Text.Json;
using HoneyHive.Kiota.Batching;
using HoneyHive.Kiota.EndToEnd.Tests.Support;
using HoneyHive.Kiota.Ingestion;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Testing;

namespace HoneyHive.Kiota.EndToEnd.Tests.Ingestion;

public sealed class EventSinkTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static HoneyHiveClient ClientFor(HttpMessageHandler handler) =>
        new(Clients.ApiKey, new HoneyHiveClientOptions
        {
            BaseUrl = new Uri("https://api.honeyhive.ai"),
            Handler = handler,
            Retry = Clients.FastRetry(2),
            RequestTimeout = TimeSpan.FromMinutes(2),
        });

    private static List<string> BatchSizes(InMemoryHoneyHive fake) =>
        fake.Requests.Where(r => r.PathAndQuery == "/events/batch")
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("events").GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var started = DateTime.UtcNow;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow - started < Patience, "the condition did not become true in time");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Enqueue_returns_at_once_with_an_id_and_full_batches_go_out_without_waiting_for_the_interval()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = ClientFor(fake);
        await using var sink = new EventSink(client, new EventSinkOptions { BatchSize = 10, FlushInterval = TimeSpan.FromHours(1) });
        var events = Enumerable.Range(0, 20).Select(i => Reads.NewEvent(i)).ToList();

        Assert.All(events, e => Assert.True(sink.Enqueue(e)));

        Assert.All(events, e => Assert.True(Guid.TryParse(e.EventId, out _)));
        await EventuallyAsync(() => fake.Events.Count == 20);
        Assert.Equal(["10", "10"], BatchSizes(fake));
        Assert.Equal(events.Select(e => e.EventId).Order(), fake.Events.Select(e => (string)e["event_id"]!).Order());
    }

    [Fact]
    public async Task A_partial_batch_goes_out_after_the_flush_interval()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = ClientFor(fake);
        await using var sink = new EventSink(client, new EventSinkOptions { BatchSize = 500, FlushInterval = TimeSpan.FromMilliseconds(100) });

        sink.Enqueue(Reads.NewEvent(1));
        sink.Enqueue(Reads.NewEvent(2));
        sink.Enqueue(Reads.NewEvent(3));

        // The fake stores the batch before the sink has read its answer: wait for the counts to settle
        // rather than reading them the moment the events are stored.
        await EventuallyAsync(() => sink.Counts.Pending == 0);
        Assert.Equal(["3"], BatchSizes(fake));
        Assert.Equal(3, fake.Events.Count);
        Assert.Equal(new EventSinkCounts(3, 0, 3, 0, 0), sink.Counts);
    }

    [Fact]
    public async Task FlushAsync_returns_once_everything_enqueued_before_it_is_created()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = ClientFor(fake);
        await using var sink = new EventSink(client, new EventSinkOptions { BatchSize = 7, FlushInterval = TimeSpan.FromHours(1), MaxParallelism = 3 });
        for (var i = 0; i < 50; i++)
        {
            sink.Enqueue(Reads.NewEvent(i));
        }

        await sink.FlushAsync();

        Assert.Equal(50, fake.Events.Count);
        Assert.Equal(new EventSinkCounts(50, 0, 50, 0, 0), sink.Counts);
        Assert.Equal(0, sink.Counts.Pending);
    }

    [Fact]
    public async Task FlushAsync_on_an_empty_sink_returns_and_after_disposal_too()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = ClientFor(fake);
        var sink = new EventSink(client);

        await sink.FlushAsync().WaitAsync(Patience);
        await sink.DisposeAsync();
        await sink.FlushAsync().WaitAsync(Patience);

        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task DisposeAsync_sends_everything_queued()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = ClientFor(fake);
        var sink = new EventSink(client, new EventSinkOptions { FlushInterval = TimeSpan.FromHours(1) });
        for (var i = 0; i < 120; i++)
        {
            sink.Enqueue(Reads.NewEvent(i));
        }

        await sink.DisposeAsync();

        Assert.Equal(120, fake.Events.Count);
        Assert.Equal(new EventSinkCounts(120, 0, 120, 0, 0), sink.Counts);
    }

    [Fact]
    public async Task An_event_enqueued_after_disposal_is_dropped_and_counted()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = ClientFor(fake);
        var sink = new EventSink(client);
        await sink.DisposeAsync();

        Assert.False(sink.Enqueue(Reads.NewEvent(1)));
        Assert.False(await sink.EnqueueAsync(Reads.NewEvent(2)));

        Assert.Equal(new EventSinkCounts(2, 2, 0, 0, 0), sink.Counts);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public void Bad_arguments_are_refused_clearly()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = ClientFor(fake);
        Assert.Throws<ArgumentNullException>(() => new EventSink(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventSink(client, new EventSinkOptions { Overflow = (EventSinkOverflow)42 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventSinkOptions { QueueCapacity = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventSinkOptions { BatchSize = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventSinkOptions { FlushInterval = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventSinkOptions { MaxParallelism = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventSinkOptions { DisposeTimeout = TimeSpan.FromSeconds(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventSinkOptions { MaxBatchBytes = 10 });
        var badPath = Assert.Throws<ArgumentException>(() => new EventSink(client, new EventSinkOptions { DeadLetterPath = "dead\0letters.jsonl" }));
        Assert.Contains("DeadLetterPath", badPath.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unwritable_dead_letter_file_still_reports_the_failures_and_settles_every_event()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = ClientFor(fake);
        var reported = new List<BatchEventOutcome>();
        var directory = Path.Combine(Path.GetTempPath(), $"hh-no-such-dir-{Guid.NewGuid():N}");
        var sink = new EventSink(client, new EventSinkOptions
        {
            FlushInterval = TimeSpan.FromHours(1),
            DeadLetterPath = Path.Combine(directory, "dead.jsonl"),
            OnFailed = failed => reported.AddRange(failed),
        });
        fake.Faults.FailBatchEventIds("lost-dir");
        sink.Enqueue(Reads.NewEvent(1, "lost-dir"));

        await sink.DisposeAsync();

        Assert.Equal("lost-dir", Assert.Single(reported).EventId);
        Assert.Equal(new EventSinkCounts(1, 0, 0, 1, 0), sink.Counts);
    }

    [Fact]
    public async Task Enqueue_of_null_throws_and_counts_nothing()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = ClientFor(fake);
        await using var sink = new EventSink(client);

        Assert.Throws<ArgumentNullException>(() => sink.Enqueue(null!));

        Assert.Equal(0, sink.Counts.Enqueued);
    }

    // The worker holds one batch of 1 in a blocked send; the queue holds 3; the rest overflow.
    private static async Task<(EventSink Sink, GatedHandler Gate, List<CreateEventRequest> Events, List<bool> Accepted)> OverflowAsync(
        InMemoryHoneyHive fake, EventSinkOverflow overflow, Func<HttpMessageHandler, HoneyHiveClient> clientFor, List<HoneyHiveClient> clients)
    {
        var gate = new GatedHandler(fake);
        var client = clientFor(gate);
        clients.Add(client);
        var sink = new EventSink(client, new EventSinkOptions
        {
            QueueCapacity = 3,
            BatchSize = 1,
            MaxParallelism = 1,
            Overflow = overflow,
            OverflowTimeout = TimeSpan.FromMilliseconds(50),
            FlushInterval = TimeSpan.FromHours(1),
        });
        var events = Enumerable.Range(0, 10).Select(i => Reads.NewEvent(i)).ToList();
        var accepted = new List<bool> { sink.Enqueue(events[0]) };
        await gate.FirstHeld.WaitAsync(Patience);

        // The worker took event 0 into the held send; it waits for a slot with the next batch in hand once
        // it has taken one more, so the queue then fills with three.
        accepted.Add(sink.Enqueue(events[1]));
        await EventuallyAsync(() => sink.Counts.Enqueued == 2);
        await Task.Delay(100);
        for (var i = 2; i < events.Count; i++)
        {
            accepted.Add(sink.Enqueue(events[i]));
        }

        return (sink, gate, events, accepted);
    }

    [Theory]
    [InlineData(EventSinkOverflow.DropNewest)]
    [InlineData(EventSinkOverflow.Wait)]
    public async Task A_full_queue_drops_the_new_events_and_keeps_the_old_ones(EventSinkOverflow overflow)
    {
        using var fake = new InMemoryHoneyHive();
        var clients = new List<HoneyHiveClient>();
        var (sink, gate, events, accepted) = await OverflowAsync(fake, overflow, ClientFor, clients);

        gate.Open();
        await sink.DisposeAsync();

        // 0 in the send, 1 in the worker's hands, 2-4 queued: 5 kept, 5 refused.
        Assert.Equal([true, true, true, true, true, false, false, false, false, false], accepted);
        Assert.Equal(events.Take(5).Select(e => e.EventId).Order(), fake.Events.Select(e => (string)e["event_id"]!).Order());
        var counts = sink.Counts;
        Assert.Equal(new EventSinkCounts(10, 5, 5, 0, 0), counts);
        Assert.Equal(counts.Dropped, counts.Enqueued - counts.Created - counts.Failed);
        clients.ForEach(c => c.Dispose());
    }

    [Theory]
    [InlineData(EventSinkOverflow.DropNewest)]
    [InlineData(EventSinkOverflow.Wait)]
    public async Task FlushAsync_returns_once_everything_before_it_is_settled_when_events_were_refused_before_it(EventSinkOverflow overflow)
    {
        using var fake = new InMemoryHoneyHive();
        var clients = new List<HoneyHiveClient>();
        var (sink, gate, _, accepted) = await OverflowAsync(fake, overflow, ClientFor, clients);
        Assert.Equal(5, accepted.Count(a => !a));

        gate.Open();
        await sink.FlushAsync().WaitAsync(Patience);

        Assert.Equal(new EventSinkCounts(10, 5, 5, 0, 0), sink.Counts);
        Assert.Equal(5, fake.Events.Count);
        await sink.DisposeAsync();
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task FlushAsync_asked_while_the_queue_is_full_returns_when_events_are_refused_during_it()
    {
        using var fake = new InMemoryHoneyHive();
        var clients = new List<HoneyHiveClient>();
        var (sink, gate, _, _) = await OverflowAsync(fake, EventSinkOverflow.DropNewest, ClientFor, clients);

        var flush = sink.FlushAsync();
        var refusedDuring = Enumerable.Range(20, 5).Count(i => !sink.Enqueue(Reads.NewEvent(i)));
        Assert.False(flush.IsCompleted, "the flush cannot be over while the first send is held");
        gate.Open();
        await flush.WaitAsync(Patience);

        Assert.Equal(5, refusedDuring);
        Assert.Equal(new EventSinkCounts(15, 10, 5, 0, 0), sink.Counts);
        await sink.DisposeAsync();
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task A_flood_of_160000_events_with_drops_settles_and_FlushAsync_returns()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = ClientFor(fake);
        await using var sink = new EventSink(client, new EventSinkOptions { QueueCapacity = 64, BatchSize = 50, MaxParallelism = 2, FlushInterval = TimeSpan.FromHours(1) });

        var refused = 0;
        for (var i = 0; i < 160_000; i++)
        {
            refused += sink.Enqueue(Reads.NewEvent(i)) ? 0 : 1;
        }

        await sink.FlushAsync().WaitAsync(Patience);

        var counts = sink.Counts;
        Assert.True(refused > 0, "nothing overflowed: the test proves nothing");
        Assert.Equal(160_000, counts.Enqueued);
        Assert.Equal(refused, counts.Dropped);
        Assert.Equal(0, counts.Failed);
        Assert.Equal(0, counts.Pending);
        Assert.Equal(counts.Created, fake.Events.Count);
    }

    [Fact]
    public async Task An_event_that_cannot_be_written_fails_alone_and_the_callback_file_and_counts_agree()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = ClientFor(fake);
        var deadLetter = Path.Combine(Path.GetTempPath(), $"hh-dead-{Guid.NewGuid():N}.jsonl");
        var reported = new List<BatchEventOutcome>();
        try
        {
            await using var sink = new EventSink(client, new EventSinkOptions
            {
                BatchSize = 50,
                FlushInterval = TimeSpan.FromHours(1),
                DeadLetterPath = deadLetter,
                OnFailed = failed => reported.AddRange(failed),
            });
            var events = Enumerable.Range(0, 41).Select(i => Reads.NewEvent(i, $"nw-{i:D2}")).ToList();
            events[17].Duration = double.NaN;
            events.ForEach(e => sink.Enqueue(e));

            await sink.FlushAsync().WaitAsync(Patience);

            Assert.Equal(new EventSinkCounts(41, 0, 40, 1, 1), sink.Counts);
            var failed = Assert.Single(reported);
            Assert.Equal("nw-17", failed.EventId);
            var error = Assert.IsType<EventNotWritableException>(failed.Exception);
            Assert.Equal("duration", error.Field);
            Assert.StartsWith("Event nw-17 was not sent: its field 'duration' cannot be written as JSON (NaN is not a JSON number).", failed.Error, StringComparison.Ordinal);
            var line = JsonDocument.Parse(Assert.Single(File.ReadAllLines(deadLetter))).RootElement;
            Assert.Equal("nw-17", line.GetProperty("event_id").GetString());
            Assert.Equal("NaN", line.GetProperty("duration").GetString());
            Assert.Equal(40, fake.Events.Count);
            Assert.DoesNotContain(fake.Events, e => (string)e["event_id"]! == "nw-17");
        }
        finally
        {
            File.Delete(deadLetter);
        }
    }

    [Fact]
    public async Task The_callback_the_dead_letter_file_and_DeadLettered_agree_line_for_line()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = ClientFor(fake);
        var deadLetter = Path.Combine(Path.GetTempPath(), $"hh-dead-{Guid.NewGuid():N}.jsonl");
        var reported = new List<string>();
        try
        {
            var sink = new EventSink(client, new EventSinkOptions
            {
                BatchSize = 10,
                MaxParallelism = 1,
                FlushInterval = TimeSpan.FromHours(1),
                DeadLetterPath = deadLetter,
                OnFailed = failed => reported.AddRange(failed.Select(o => o.EventId)),
            });
            var events = Enumerable.Range(0, 30).Select(i => Reads.NewEvent(i, $"mix-{i:D2}")).ToList();
            events[3].Duration = double.PositiveInfinity;
            events[25].Duration = double.NaN;
            // Whichever request carries them (the refused events split the batches).
            fake.Faults.FailBatchEvents((evt, _) => (string)evt["event_id"]! is "mix-12" or "mix-14", times: 100);
            events.ForEach(e => sink.Enqueue(e));

            await sink.DisposeAsync();

            var lines = File.ReadAllLines(deadLetter).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("event_id").GetString()!).ToList();
            Assert.Equal(["mix-03", "mix-12", "mix-14", "mix-25"], reported.Order(StringComparer.Ordinal));
            Assert.Equal(reported, lines);
            var counts = sink.Counts;
            Assert.Equal(new EventSinkCounts(30, 0, 26, 4, 4), counts);
            Assert.Equal(counts.Enqueued, counts.Created + counts.Failed + counts.Dropped);
        }
        finally
        {
            File.Delete(deadLetter);
        }
    }

    [Fact]
    public async Task DropOldest_keeps_the_newest_events()
    {
        using var fake = new InMemoryHoneyHive();
        var clients = new List<HoneyHiveClient>();
        var (sink, gate, events, accepted) = await OverflowAsync(fake, EventSinkOverflow.DropOldest, ClientFor, clients);

        gate.Open();
        await sink.DisposeAsync();

        Assert.All(accepted, Assert.True);
        string[] kept = [events[0].EventId!, events[1].EventId!, events[7].EventId!, events[8].EventId!, events[9].EventId!];
        Assert.Equal(kept.Order(), fake.Events.Select(e => (string)e["event_id"]!).Order());
        Assert.Equal(new EventSinkCounts(10, 5, 5, 0, 0), sink.Counts);
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Wait_policy_takes_the_event_when_room_appears_within_the_timeout()
    {
        using var fake = new InMemoryHoneyHive();
        var gate = new GatedHandler(fake);
        using var client = ClientFor(gate);
        await using var sink = new EventSink(client, new EventSinkOptions
        {
            QueueCapacity = 1,
            BatchSize = 1,
            MaxParallelism = 1,
            Overflow = EventSinkOverflow.Wait,
            OverflowTimeout = TimeSpan.FromSeconds(30),
            FlushInterval = TimeSpan.FromHours(1),
        });
        sink.Enqueue(Reads.NewEvent(0));
        await gate.FirstHeld.WaitAsync(Patience);
        sink.Enqueue(Reads.NewEvent(1));
        await Task.Delay(100);
        sink.Enqueue(Reads.NewEvent(2));

        var waiting = sink.EnqueueAsync(Reads.NewEvent(3)).AsTask();
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        gate.Open();

        Assert.True(await waiting.WaitAsync(Patience));
        await sink.FlushAsync().WaitAsync(Patience);
        Assert.Equal(4, fake.Events.Count);
        Assert.Equal(0, sink.Counts.Dropped);
    }

    [Fact]
    public async Task Failed_events_reach_the_callback_and_the_dead_letter_file_which_hh_can_replay()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = ClientFor(fake);
        var deadLetter = Path.Combine(Path.GetTempPath(), $"hh-dead-{Guid.NewGuid():N}.jsonl");
        var reported = new List<BatchEventOutcome>();
        try
        {
            var sink = new EventSink(client, new EventSinkOptions
            {
                BatchSize = 10,
                FlushInterval = TimeSpan.FromHours(1),
                DeadLetterPath = deadLetter,
                OnFailed = failed => reported.AddRange(failed),
            });
            var events = Enumerable.Range(0, 10).Select(i => Reads.NewEvent(i, $"sink-{i}")).ToList();
            fake.Faults.FailBatchEventIds("sink-3", "sink-8");
            events.ForEach(e => sink.Enqueue(e));

            await sink.DisposeAsync();

            Assert.Equal(["sink-3", "sink-8"], reported.Select(o => o.EventId));
            Assert.All(reported, o => Assert.Contains(o.EventId, o.Error, StringComparison.Ordinal));
            Assert.Equal(new EventSinkCounts(10, 0, 8, 2, 2), sink.Counts);
            var lines = File.ReadAllLines(deadLetter);
            Assert.Equal(2, lines.Length);
            var replayed = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(["sink-3", "sink-8"], replayed.Select(r => r.GetProperty("event_id").GetString()));
            Assert.All(replayed, r => Assert.Equal(Clients.Project, r.GetProperty("project").GetString()));
            Assert.Equal("event-3", replayed[0].GetProperty("event_name").GetString());
        }
        finally
        {
            File.Delete(deadLetter);
        }
    }

    [Fact]
    public async Task A_callback_that_throws_does_not_stop_the_sink()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = ClientFor(fake);
        var sink = new EventSink(client, new EventSinkOptions { BatchSize = 2, MaxParallelism = 1, FlushInterval = TimeSpan.FromHours(1), OnFailed = _ => throw new InvalidOperationException("callback bug") });
        fake.Faults.FailBatchEventIds("cb-0");
        for (var i = 0; i < 6; i++)
        {
            sink.Enqueue(Reads.NewEvent(i, $"cb-{i}"));
        }

        await sink.DisposeAsync();

        Assert.Equal(new EventSinkCounts(6, 0, 5, 1, 0), sink.Counts);
    }

    [Fact]
    public async Task At_the_dispose_deadline_unsent_and_interrupted_events_are_failed_and_dead_lettered()
    {
        using var fake = new InMemoryHoneyHive();
        var gate = new GatedHandler(fake);
        using var client = ClientFor(gate);
        var deadLetter = Path.Combine(Path.GetTempPath(), $"hh-dead-{Guid.NewGuid():N}.jsonl");
        var reported = new List<BatchEventOutcome>();
        try
        {
            var sink = new EventSink(client, new EventSinkOptions
            {
                BatchSize = 5,
                MaxParallelism = 1,
                FlushInterval = TimeSpan.FromHours(1),
                DisposeTimeout = TimeSpan.FromMilliseconds(300),
                DeadLetterPath = deadLetter,
                OnFailed = failed => reported.AddRange(failed),
            });
            for (var i = 0; i < 12; i++)
            {
                sink.Enqueue(Reads.NewEvent(i, $"late-{i}"));
            }

            await gate.FirstHeld.WaitAsync(Patience);
            await sink.DisposeAsync().AsTask().WaitAsync(Patience);

            Assert.Empty(fake.Events);
            Assert.Equal(new EventSinkCounts(12, 0, 0, 12, 12), sink.Counts);
            Assert.Equal(Enumerable.Range(0, 12).Select(i => $"late-{i}"), reported.Select(o => o.EventId).Order(StringComparer.Ordinal).OrderBy(id => int.Parse(id[5..], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Contains(reported, o => o.Error!.Contains("in flight", StringComparison.Ordinal));
            Assert.Contains(reported, o => o.Error!.Contains("before this event was sent", StringComparison.Ordinal));
            Assert.Equal(12, File.ReadAllLines(deadLetter).Length);
        }
        finally
        {
            File.Delete(deadLetter);
        }
    }

    [Fact]
    public async Task Two_events_with_one_id_go_in_separate_requests_and_are_stored_once()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = ClientFor(fake);
        var sink = new EventSink(client, new EventSinkOptions { BatchSize = 10, FlushInterval = TimeSpan.FromHours(1) });
        sink.Enqueue(Reads.NewEvent(1, "same"));
        sink.Enqueue(Reads.NewEvent(2, "other"));
        sink.Enqueue(Reads.NewEvent(3, "same"));

        await sink.DisposeAsync();

        Assert.Equal(["1", "2"], BatchSizes(fake).Order());
        Assert.Equal(2, fake.Events.Count);
        Assert.Equal(new EventSinkCounts(3, 0, 3, 0, 0), sink.Counts);
    }
}
