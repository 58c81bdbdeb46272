using HoneyHive.Kiota.Ingestion;
using HoneyHive.Kiota.Testing;

namespace HoneyHive.Kiota.Benchmarks.Sink;

/// <summary>
/// The sink and export suites' paths, run once and checked before any timing: the sink creates every event it
/// is given, Enqueue allocates nothing on the calling thread for an event with an id, and a parallel export
/// yields what a sequential one does with at most MaxConcurrency + 1 pages alive.
/// </summary>
internal static class SinkSelfCheck
{
    public static string Run()
    {
        CheckSinkCreatesEverything();
        var assignBytes = CheckEnqueueAllocations();
        var alive = CheckParallelExport();
        return $"the sink created 2,000 of 2,000 events; Enqueue allocated 0 B/op on the calling thread with an id, {assignBytes:F1} B/op assigning one; "
            + $"MaxConcurrency 4 read the sequential order with at most {alive} pages alive behind a slow consumer";
    }

    private static void CheckSinkCreatesEverything()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = SinkFixtures.Client(new Uri("http://127.0.0.1/"), fake);
        var events = SinkFixtures.Events(2_000, seed: 11);
        foreach (var evt in events)
        {
            evt.EventId = null;
        }

        using (var sink = new EventSink(client, new EventSinkOptions { QueueCapacity = 4_096, BatchSize = 500, MaxParallelism = 2 }))
        {
            foreach (var evt in events)
            {
                Expect(sink.Enqueue(evt), "the sink refused an event");
            }

            sink.FlushAsync().GetAwaiter().GetResult();
            var counts = sink.Counts;
            Expect(counts.Created == events.Length && counts.Failed == 0 && counts.Dropped == 0, $"sink counts {counts}");
        }

        var stored = fake.Events.Select(e => (string)e["event_id"]!).ToHashSet(StringComparer.Ordinal);
        Expect(stored.Count == events.Length, $"the server stored {stored.Count} events of {events.Length}");
        Expect(events.All(e => Guid.TryParse(e.EventId, out _) && stored.Contains(e.EventId!)), "an event's assigned id is not the one stored");
    }

    // Returns the bytes per Enqueue that assigns an id (the Guid string).
    private static double CheckEnqueueAllocations()
    {
        const int Writes = SinkEnqueueBenchmarks.Writes;
        using var handler = new InstantBatchHandler();
        using var client = SinkFixtures.Client(new Uri("http://127.0.0.1/"), handler);
        using var sink = new EventSink(client, new EventSinkOptions { QueueCapacity = 2_048, BatchSize = 500 });
        var withIds = SinkFixtures.Events(Writes);
        var withoutIds = SinkFixtures.Events(Writes, seed: 7);

        long withIdBytes = 0, assignBytes = 0;
        for (var round = 0; round < 20; round++)
        {
            foreach (var evt in withoutIds)
            {
                evt.EventId = null;
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            foreach (var evt in withIds)
            {
                sink.Enqueue(evt);
            }

            var middle = GC.GetAllocatedBytesForCurrentThread();
            foreach (var evt in withoutIds)
            {
                sink.Enqueue(evt);
            }

            var after = GC.GetAllocatedBytesForCurrentThread();
            sink.FlushAsync().GetAwaiter().GetResult();

            // The first rounds run unoptimized code (tiered JIT); the last ten are the steady state.
            if (round >= 10)
            {
                withIdBytes += middle - before;
                assignBytes += after - middle;
            }
        }

        var counts = sink.Counts;
        Expect(counts.Dropped == 0 && counts.Created == counts.Enqueued, $"enqueue check: sink counts {counts}");
        Expect(withIdBytes == 0, $"Enqueue of events with ids allocated {withIdBytes} B on the calling thread over {10 * Writes} calls");
        return (double)assignBytes / (10 * Writes);
    }

    // Returns the most pages seen alive at once at MaxConcurrency 4 behind a consumer slower than the server.
    private static long CheckParallelExport()
    {
        using var fake = new InMemoryHoneyHive();
        fake.AddEvents(SinkFixtures.ExportEvents(ParallelExportBenchmarks.EventCount));
        fake.Faults.AddLatency(TimeSpan.FromMilliseconds(10), path: null, times: int.MaxValue);
        var ledger = new PageLedger(ParallelExportBenchmarks.PageSize);
        using var handler = new PageCountingHandler(ledger, fake);
        using var client = SinkFixtures.Client(new Uri("http://127.0.0.1/"), handler);

        var sequential = new List<string>();
        ParallelExportBenchmarks.ExportAsync(client, ledger, 1, ids: sequential).GetAwaiter().GetResult();
        // The ledger counts a page finished only once the next page's first event is in hand, after that next
        // page was answered: a sequential read, one body at a time, shows 2 (= MaxConcurrency + 1) at each step.
        Expect(ledger.MaxAlive <= 2, $"a sequential read had {ledger.MaxAlive} pages answered and not finished at once (bound 2)");

        const int Concurrency = 4;
        var parallel = new List<string>();
        ParallelExportBenchmarks.ExportAsync(client, ledger, Concurrency, _ => Task.Delay(40), parallel).GetAwaiter().GetResult();
        Expect(parallel.SequenceEqual(sequential, StringComparer.Ordinal), "MaxConcurrency 4 yielded other events or another order than the sequential read");
        Expect(ledger.MaxAlive <= Concurrency + 1, $"MaxConcurrency {Concurrency}: {ledger.MaxAlive} pages answered and not finished at once (bound {Concurrency + 1})");
        return ledger.MaxAlive;
    }

    private static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("self-check failed: " + message);
        }
    }
}
