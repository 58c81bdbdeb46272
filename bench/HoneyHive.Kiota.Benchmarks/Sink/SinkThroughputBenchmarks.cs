using BenchmarkDotNet.Attributes;
using HoneyHive.Kiota.Batching;
using HoneyHive.Kiota.Ingestion;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Testing;
using HoneyHive.Kiota.Testing.Hosting;

namespace HoneyHive.Kiota.Benchmarks.Sink;

/// <summary>
/// 20,000 events created on the in-memory fake served over Kestrel on 127.0.0.1 (<see cref="LoopbackHoneyHive"/>):
/// through an <see cref="EventSink"/> (BatchSize 500, MaxParallelism 2; enqueue all, then FlushAsync) against
/// <see cref="HoneyHiveClient.CreateEventsAsync"/> called directly on the same 40 chunks of 500, two at a time.
/// </summary>
/// <remarks>
/// Every iteration gives the events fresh ids and starts from an empty fake (events and request log cleared),
/// outside the timing, and checks afterwards that the server created all 20,000 and saw no repeated id.
/// The server runs in the benchmark process and shares its 2 cores. Every arm runs its first 6-9 iterations
/// 30-80% slower than the rest (the server's heap and the JIT settling), so this suite warms up 9 times, not
/// the quick job's 3, and times 10 iterations.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(1)]
[WarmupCount(9)]
[IterationCount(10)]
public class SinkThroughputBenchmarks
{
    public const int EventCount = 20_000;
    public const int BatchSize = 500;

    private InMemoryHoneyHive _fake = null!;
    private LoopbackHoneyHive _server = null!;
    private HoneyHiveClient _client = null!;
    private CreateEventRequest[] _events = [];
    private List<CreateEventRequest>[] _chunks = [];
    private EventSink _sink = null!;
    private EventSink _waitingSink = null!;
    private long _created;
    private long _createdBefore;
    private TimeSpan _cpuAt;
    private TimeSpan _cpu;
    private int _iterations;

    [GlobalSetup]
    public void Setup()
    {
        _fake = new InMemoryHoneyHive();
        _server = LoopbackHoneyHive.StartAsync(_fake).GetAwaiter().GetResult();
        _client = SinkFixtures.Client(_server.BaseAddress);
        _events = SinkFixtures.Events(EventCount);
        _chunks = _events.Chunk(BatchSize).Select(chunk => chunk.ToList()).ToArray();

        // All 20,000 fit the queue: Enqueue never waits or drops.
        _sink = new EventSink(_client, new EventSinkOptions { QueueCapacity = EventCount, BatchSize = BatchSize, MaxParallelism = 2 });

        // The default queue (2,048) with Overflow = Wait: Enqueue blocks while the sends catch up.
        _waitingSink = new EventSink(_client, new EventSinkOptions
        {
            BatchSize = BatchSize,
            MaxParallelism = 2,
            Overflow = EventSinkOverflow.Wait,
            OverflowTimeout = TimeSpan.FromSeconds(30),
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// CPU per iteration: {_cpu.TotalMilliseconds / Math.Max(1, _iterations):F0} ms (process, every thread, server included) over {_iterations} iterations");
        _sink.Dispose();
        _waitingSink.Dispose();
        _client.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _fake.Dispose();
    }

    [IterationSetup]
    public void FreshIds()
    {
        _fake.ClearEvents();
        _fake.ClearRequests();
        foreach (var evt in _events)
        {
            evt.EventId = Guid.NewGuid().ToString();
        }

        _created = 0;
        _createdBefore = _sink.Counts.Created + _waitingSink.Counts.Created;
        _cpuAt = Environment.CpuUsage.TotalTime;
    }

    [IterationCleanup]
    public void Verify()
    {
        _cpu += Environment.CpuUsage.TotalTime - _cpuAt;
        _iterations++;
        var sinkCreated = _sink.Counts.Created + _waitingSink.Counts.Created - _createdBefore;
        var created = _created + sinkCreated;
        var stored = _fake.Events.Count;
        if (created != EventCount || stored != EventCount || _fake.RepeatedEventCount != 0
            || _sink.Counts.Failed + _sink.Counts.Dropped + _waitingSink.Counts.Failed + _waitingSink.Counts.Dropped != 0)
        {
            throw new InvalidOperationException(
                $"expected {EventCount} events created: client reported {created}, server stored {stored}, repeats {_fake.RepeatedEventCount}, sinks {_sink.Counts} / {_waitingSink.Counts}");
        }
    }

    [Benchmark(Baseline = true, Description = "CreateEventsAsync, 40 × 500, 2 in parallel")]
    public async Task<long> Direct()
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        await Parallel.ForEachAsync(_chunks, parallel, async (chunk, token) =>
        {
            var result = await _client.CreateEventsAsync(chunk, new BatchOptions { BatchSize = BatchSize }, token).ConfigureAwait(false);
            Interlocked.Add(ref _created, result.CreatedCount);
        }).ConfigureAwait(false);
        return _created;
    }

    [Benchmark(Description = "EventSink, queue 20,000: Enqueue all + FlushAsync")]
    public Task Sink() => EnqueueAllAndFlush(_sink);

    [Benchmark(Description = "EventSink, queue 2,048, Overflow Wait: Enqueue all + FlushAsync")]
    public Task SinkWaiting() => EnqueueAllAndFlush(_waitingSink);

    private async Task EnqueueAllAndFlush(EventSink sink)
    {
        foreach (var evt in _events)
        {
            if (!sink.Enqueue(evt))
            {
                throw new InvalidOperationException("an event was dropped");
            }
        }

        await sink.FlushAsync().ConfigureAwait(false);
    }
}
