using System.Text.Json;
using System.Text.Json.Nodes;
using HoneyHive.Kiota.Batching;
using HoneyHive.Kiota.EndToEnd.Tests.Support;
using HoneyHive.Kiota.Ingestion;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Pagination;
using HoneyHive.Kiota.Serialization;
using HoneyHive.Kiota.Testing;
using Xunit.Abstractions;

namespace HoneyHive.Kiota.EndToEnd.Tests.Soak;

/// <summary>
/// The client against the fake on the raw-socket loopback host with random faults on about 10% of requests (429 with
/// Retry-After, 500/502/503, refused and reset connections, truncated bodies, latency spikes, and on the wire: answers
/// cut off mid-body by a close or a reset, dribbled and stalled answers, wrong Content-Lengths, redirects to the same
/// URL): nothing is lost, nothing is stored twice, and an event is only sent again where a fault hid the first
/// attempt's outcome. Figures go to the test output (and docs/RELIABILITY.md).
/// </summary>
public sealed class ChaosSoakTests(ITestOutputHelper output)
{
    // Above the 2 s ShortWaitTimeProvider shortens, so a stalled answer ends in a real timeout (and a retry); far
    // enough above a loaded machine's slowest honest answer that no answer the fake processed times out (a repeat
    // of it would not follow a hidden outcome).
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    private static HoneyHiveClient ClientFor(Loopback loopback) => Clients.ForHost(
        loopback.BaseAddress,
        retry: new RetryOptions { MaxRetries = 6, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        requestTimeout: AttemptTimeout,
        exportTimeout: AttemptTimeout,
        time: new ShortWaitTimeProvider());

    private static void InjectFaults(InMemoryHoneyHive fake, int seedOffset) =>
        fake.Faults.InjectRandomFaults(new RandomFaultOptions
        {
            Seed = SoakSettings.Seed + seedOffset,
            Probability = SoakSettings.FaultRate,
            Kinds = RandomFaultKinds.AllWithTransport,
            RetryAfter = TimeSpan.FromSeconds(1),
            LatencySpike = TimeSpan.FromMilliseconds(100),
        });

    private static List<CreateEventRequest> NewEvents(string prefix) =>
        Enumerable.Range(0, SoakSettings.Events).Select(i => Reads.NewEvent(i, $"{prefix}-{i:D7}")).ToList();

    private static HashSet<string> StoredIds(InMemoryHoneyHive fake) =>
        fake.Events.Select(e => (string)e["event_id"]!).ToHashSet(StringComparer.Ordinal);

    private void Report(string scenario, InMemoryHoneyHive fake, string extra) =>
        output.WriteLine(
            $"{scenario}: N = {SoakSettings.Events}, seed {SoakSettings.Seed}, requests {fake.Requests.Count}, faults injected {fake.Faults.InjectedFaultTotal} " +
            $"({string.Join(", ", fake.Faults.InjectedFaults.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"))}), repeats {fake.RepeatedEventCount} " +
            $"(after a hidden outcome {fake.RepeatedEvents.Count(r => r.AfterHiddenOutcome)}); {extra}");

    // Every stored event is one of ours, stored once; every repeat followed a hidden outcome.
    private static void AssertExactlyOnce(InMemoryHoneyHive fake, IEnumerable<string> ours)
    {
        var stored = fake.Events.Select(e => (string)e["event_id"]!).ToList();
        Assert.Equal(stored.Count, stored.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(stored.Except(ours, StringComparer.Ordinal));
        Assert.All(fake.RepeatedEvents, r => Assert.True(r.AfterHiddenOutcome, $"{r.EventId} was sent again without a fault hiding the first outcome"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Export_under_faults_yields_exactly_the_stored_set(int maxConcurrency)
    {
        await using var loopback = await Loopback.StartRawAsync();
        var stored = loopback.Fake.AddEvents(Enumerable.Range(0, SoakSettings.Events).Select(i => new JsonObject
        {
            ["project"] = Clients.Project,
            ["event_id"] = $"exp-{i:D7}",
            ["event_type"] = "model",
            ["start_time"] = SampleEvents.FirstStart.AddSeconds(i).ToUnixTimeMilliseconds(),
        }));
        using var client = ClientFor(loopback);
        InjectFaults(loopback.Fake, seedOffset: maxConcurrency);

        var read = new List<string>();
        await foreach (var evt in client.ExportEventsAsync(new EventQuery(Clients.Project) { PageSize = 50, MaxConcurrency = maxConcurrency }))
        {
            read.Add(evt.EventId!);
        }

        Report($"export, MaxConcurrency {maxConcurrency}", loopback.Fake, $"read {read.Count}, distinct {read.Distinct().Count()}");
        Assert.True(loopback.Fake.Faults.InjectedFaultTotal > 0);
        Assert.Equal(stored.Count, read.Count);
        Assert.Equal(stored.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CreateEventsAsync_under_faults_stores_every_event_once_or_reports_it_failed()
    {
        await using var loopback = await Loopback.StartRawAsync();
        using var client = ClientFor(loopback);
        InjectFaults(loopback.Fake, seedOffset: 10);
        var events = NewEvents("batch");

        var result = await client.CreateEventsAsync(events, new BatchOptions { BatchSize = 25, MaxParallelism = 4 });

        // Created means stored; failed means reported, with a reason (some were stored before a fault hid it).
        var stored = StoredIds(loopback.Fake);
        Assert.Equal(events.Count, result.CreatedCount + result.FailedCount);
        Assert.All(result.Created, o => Assert.Contains(o.EventId, stored));
        Assert.All(result.Failed, o => Assert.False(string.IsNullOrEmpty(o.Error)));
        var firstFailed = result.FailedCount;
        var hiddenButStored = result.Failed.Count(o => stored.Contains(o.EventId));

        // Sending the failed ones again, as an app would, under their ids: every event ends up stored exactly once.
        var rounds = 0;
        for (var failed = result.Failed.Select(o => o.Event).ToList(); failed.Count > 0 && rounds < 10; rounds++)
        {
            failed = (await client.CreateEventsAsync(failed, new BatchOptions { BatchSize = 25 })).Failed.Select(o => o.Event).ToList();
        }

        Report("CreateEventsAsync", loopback.Fake, $"failed in the first pass {firstFailed} (stored although reported failed {hiddenButStored}), rounds to send them {rounds}, stored {loopback.Fake.Events.Count}, lost 0");
        Assert.Equal(events.Select(e => e.EventId!).ToHashSet(), StoredIds(loopback.Fake));
        AssertExactlyOnce(loopback.Fake, events.Select(e => e.EventId!));
    }

    [Fact]
    public async Task The_sink_under_faults_creates_or_dead_letters_every_event_and_the_dead_letters_replay()
    {
        await using var loopback = await Loopback.StartRawAsync();
        using var client = ClientFor(loopback);
        InjectFaults(loopback.Fake, seedOffset: 20);
        var deadLetter = Path.Combine(Path.GetTempPath(), $"hh-soak-{Guid.NewGuid():N}.jsonl");
        try
        {
            var events = NewEvents("sink");
            var sink = new EventSink(client, new EventSinkOptions
            {
                QueueCapacity = SoakSettings.Events,
                BatchSize = 25,
                MaxParallelism = 4,
                FlushInterval = TimeSpan.FromMilliseconds(20),
                DeadLetterPath = deadLetter,
                // The sink is disposed right after the last Enqueue: what is measured is the faults, not the
                // deadline (stalls of 5 s each would fail the unsent rest of a large run at the default 10 s).
                DisposeTimeout = TimeSpan.FromMinutes(10),
            });
            foreach (var evt in events)
            {
                Assert.True(sink.Enqueue(evt));
            }

            await sink.DisposeAsync();
            var counts = sink.Counts;

            Assert.Equal(0, counts.Dropped);
            Assert.Equal(0, counts.Pending);
            Assert.Equal(events.Count, counts.Created + counts.Failed);
            Assert.Equal(counts.Failed, counts.DeadLettered);
            var lines = File.Exists(deadLetter) ? File.ReadAllLines(deadLetter) : [];
            Assert.Equal(counts.Failed, lines.Length);

            // The dead-letter file replays as it is (what `hh events send` does with it), under the same ids.
            var replay = lines.Select(line =>
            {
                using var document = JsonDocument.Parse(line);
                return new HoneyHiveJsonParseNode(document.RootElement).GetObjectValue(CreateEventRequest.CreateFromDiscriminatorValue);
            }).ToList();
            var rounds = 0;
            for (; replay.Count > 0 && rounds < 10; rounds++)
            {
                replay = (await client.CreateEventsAsync(replay, new BatchOptions { BatchSize = 25 })).Failed.Select(o => o.Event).ToList();
            }

            Report("EventSink", loopback.Fake, $"created {counts.Created}, failed and dead-lettered {counts.Failed}, dropped 0, replay rounds {rounds}, stored {loopback.Fake.Events.Count}, lost 0");
            Assert.Equal(events.Select(e => e.EventId!).ToHashSet(), StoredIds(loopback.Fake));
            AssertExactlyOnce(loopback.Fake, events.Select(e => e.EventId!));
        }
        finally
        {
            File.Delete(deadLetter);
        }
    }

    [Theory]
    [InlineData(EventSinkOverflow.DropNewest)]
    [InlineData(EventSinkOverflow.DropOldest)]
    public async Task The_sink_under_overflow_accounts_for_every_event_exactly(EventSinkOverflow overflow)
    {
        await using var loopback = await Loopback.StartRawAsync();
        using var client = ClientFor(loopback);
        InjectFaults(loopback.Fake, seedOffset: 30 + (int)overflow);
        var events = NewEvents("over");
        var refused = new List<string>();
        var sink = new EventSink(client, new EventSinkOptions { QueueCapacity = 50, BatchSize = 25, MaxParallelism = 2, Overflow = overflow, FlushInterval = TimeSpan.FromMilliseconds(20) });
        for (var i = 0; i < events.Count; i++)
        {
            if (!sink.Enqueue(events[i]))
            {
                refused.Add(events[i].EventId!);
            }

            // Bursts of 100 with a pause: the worker keeps up with some, the queue overflows on others.
            if (i % 100 == 99)
            {
                await Task.Delay(2);
            }
        }

        await sink.DisposeAsync();
        var counts = sink.Counts;

        Report($"EventSink overflow {overflow}", loopback.Fake, $"enqueued {counts.Enqueued}, created {counts.Created}, failed {counts.Failed}, dropped {counts.Dropped}");
        Assert.True(counts.Dropped > 0, "the queue never overflowed: the test proves nothing");
        Assert.Equal(counts.Dropped, counts.Enqueued - counts.Created - counts.Failed);
        Assert.Equal(events.Count, counts.Enqueued);

        // Created events are stored; a dropped event was never sent.
        var stored = StoredIds(loopback.Fake);
        Assert.True(stored.Count >= counts.Created);
        Assert.True(stored.Count <= counts.Created + counts.Failed);
        Assert.Empty(refused.Intersect(stored));
        AssertExactlyOnce(loopback.Fake, events.Select(e => e.EventId!));
    }
}
