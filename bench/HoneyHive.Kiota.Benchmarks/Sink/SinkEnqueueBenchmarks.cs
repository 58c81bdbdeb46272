using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using HoneyHive.Kiota.Ingestion;
using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Benchmarks.Sink;

/// <summary>
/// <see cref="EventSink.Enqueue"/> against a bare <c>TryWrite</c> on a bounded channel of the same capacity with a
/// reader draining it: 1,000 pre-built events per timed call, so the figures are per event.
/// </summary>
/// <remarks>
/// <para>Each iteration is one call (1,000 writes) and the queue is emptied between iterations, outside the
/// timing: the sink's worker cannot keep up with a tight Enqueue loop for long (it serializes every event it
/// sends; about 6 µs an event against tens of ns to enqueue one), so without the pause the queue would fill and
/// the suite would time the drop path. 1,000 events never fill a 2,048-event queue even when the worker has not
/// read one of them yet.</para>
/// <para><see cref="SinkBatchSize"/> 1024 keeps the worker to dequeueing during the timed call (no batch is full);
/// 500, the default, lets it hand a batch to a send (serialization on another thread) while the writes go on.</para>
/// <para>BenchmarkDotNet's Allocated counts every thread during the timed call (it reads
/// <c>GC.GetTotalAllocatedBytes(precise: true)</c>), the worker's included. The calling thread's own bytes per
/// event are printed at the end of each case ("calling thread:"), and the self-check requires 0 for events that
/// carry an id.</para>
/// <para>Each iteration's setup reads every event's id, so the events are in the cache as they would be for a
/// caller that has just built them, and the forced collection BenchmarkDotNet runs between setup and timing
/// is off (<c>GcForce(false)</c>): it would walk the heap and leave them cold. Nothing the timed writes allocate
/// is left to collect (0 B per event with an id).</para>
/// </remarks>
[MemoryDiagnoser]
[ThreadingDiagnoser]
[WarmupCount(20)]
[IterationCount(400)]
[InvocationCount(1)]
[GcForce(false)]
public class SinkEnqueueBenchmarks
{
    /// <summary>Writes per timed call.</summary>
    public const int Writes = 1_000;

    private const int Capacity = 2_048;

    private CreateEventRequest[] _withIds = [];
    private CreateEventRequest[] _withoutIds = [];
    private ChannelWriter<CreateEventRequest> _channel = null!;
    private ChannelReader<CreateEventRequest> _channelReader = null!;
    private Task _drain = Task.CompletedTask;
    private long _drained;
    private InstantBatchHandler _handler = null!;
    private HoneyHiveClient _client = null!;
    private EventSink _sink = null!;
    private long _refused;
    private long _threadBytes;
    private long _threadBytesAt;
    private long _timedWrites;
    private int _written;
    private long _touched;
    private long _channelWrites;
    private int _iterations;
    private int _allocatingIterations;

    /// <summary>The sink's BatchSize (the channel arm ignores it).</summary>
    [Params(500, 1024)]
    public int SinkBatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _withIds = SinkFixtures.Events(Writes);
        _withoutIds = SinkFixtures.Events(Writes, seed: 7);
        foreach (var evt in _withoutIds)
        {
            evt.EventId = null;
        }

        var channel = Channel.CreateBounded<CreateEventRequest>(new BoundedChannelOptions(Capacity) { SingleReader = true });
        (_channel, _channelReader) = (channel.Writer, channel.Reader);
        _drain = Task.Run(async () =>
        {
            while (await _channelReader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (_channelReader.TryRead(out _))
                {
                    Interlocked.Increment(ref _drained);
                }
            }
        });

        _handler = new InstantBatchHandler();
        _client = SinkFixtures.Client(new Uri("http://127.0.0.1/"), _handler);
        _sink = new EventSink(_client, new EventSinkOptions { QueueCapacity = Capacity, BatchSize = SinkBatchSize });
        Prewarm();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var counts = _sink.Counts;
        Console.WriteLine($"// calling thread: {(_timedWrites == 0 ? 0 : (double)_threadBytes / _timedWrites):F2} B/op over {_timedWrites:N0} timed writes ({_threadBytes:N0} B; {_allocatingIterations} of {_iterations} iterations allocated); refused {_refused}; touched {_touched:N0} id chars; " +
            $"sink enqueued {counts.Enqueued:N0}, created {counts.Created:N0}, dropped {counts.Dropped}, failed {counts.Failed}; channel drained {Interlocked.Read(ref _drained):N0}; batch requests {_handler.Requests:N0}");
        _channel.TryComplete();
        _drain.GetAwaiter().GetResult();
        _sink.Dispose();
        _client.Dispose();
        _handler.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Writes, Description = "Channel TryWrite (event with id)")]
    public int ChannelTryWrite()
    {
        var writer = _channel;
        var events = _withIds;
        var written = 0;
        for (var i = 0; i < events.Length; i++)
        {
            if (writer.TryWrite(events[i]))
            {
                written++;
            }
        }

        _written = written;
        return written;
    }

    [Benchmark(OperationsPerInvoke = Writes, Description = "EventSink.Enqueue (event with id)")]
    public int Enqueue()
    {
        var sink = _sink;
        var events = _withIds;
        var written = 0;
        for (var i = 0; i < events.Length; i++)
        {
            if (sink.Enqueue(events[i]))
            {
                written++;
            }
        }

        _written = written;
        return written;
    }

    [Benchmark(OperationsPerInvoke = Writes, Description = "EventSink.Enqueue (no id: sink assigns a Guid string)")]
    public int EnqueueAssigningId()
    {
        var sink = _sink;
        var events = _withoutIds;
        var written = 0;
        for (var i = 0; i < events.Length; i++)
        {
            if (sink.Enqueue(events[i]))
            {
                written++;
            }
        }

        _written = written;
        return written;
    }

    [IterationSetup(Targets = [nameof(ChannelTryWrite), nameof(Enqueue)])]
    public void BeforeWrites()
    {
        Touch(_withIds);
        _threadBytesAt = GC.GetAllocatedBytesForCurrentThread();
    }

    [IterationSetup(Target = nameof(EnqueueAssigningId))]
    public void BeforeWritesWithoutIds()
    {
        // The sink gave each event an id last iteration; take them back so every timed call assigns 1,000.
        foreach (var evt in _withoutIds)
        {
            evt.EventId = null;
        }

        _threadBytesAt = GC.GetAllocatedBytesForCurrentThread();
    }

    [IterationCleanup(Target = nameof(ChannelTryWrite))]
    public void AfterChannelWrites()
    {
        Account();
        _channelWrites += _written;
        while (Interlocked.Read(ref _drained) < _channelWrites)
        {
            Thread.Yield();
        }
    }

    [IterationCleanup(Targets = [nameof(Enqueue), nameof(EnqueueAssigningId)])]
    public void AfterEnqueues()
    {
        Account();
        _sink.FlushAsync().GetAwaiter().GetResult();
    }

    // Tiered compilation promotes a method after 30 calls once no new method has been compiled for 100 ms; the
    // sink's flush between iterations keeps compiling for a while, and 20 warm-up iterations of ~50 µs are not
    // enough. Every path runs at least 100 times and for at least a second first, then the JIT gets half a second.
    private void Prewarm()
    {
        var until = System.Diagnostics.Stopwatch.GetTimestamp() + System.Diagnostics.Stopwatch.Frequency;
        for (var round = 0; round < 100 || System.Diagnostics.Stopwatch.GetTimestamp() < until; round++)
        {
            BeforeWrites();
            ChannelTryWrite();
            AfterChannelWrites();
            BeforeWrites();
            Enqueue();
            AfterEnqueues();
            BeforeWritesWithoutIds();
            EnqueueAssigningId();
            AfterEnqueues();
        }

        Thread.Sleep(500);
        (_threadBytes, _iterations, _allocatingIterations, _timedWrites, _refused, _touched) = (0, 0, 0, 0, 0, 0);
    }

    // A caller enqueues an event it has just built: have every event and its id in the cache, as it would be.
    private void Touch(CreateEventRequest[] events)
    {
        var length = 0;
        foreach (var evt in events)
        {
            length += evt.EventId?.Length ?? 0;
        }

        _touched += length;
    }

    // Outside the timing: the calling thread's bytes, and any write refused (the queue must never fill here;
    // a refused write would time the drop path instead, and is reported at the end of the case).
    private void Account()
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread() - _threadBytesAt;
        _threadBytes += bytes;
        _allocatingIterations += bytes > 0 ? 1 : 0;
        _iterations++;
        _timedWrites += Writes;
        _refused += Writes - _written;
    }
}
