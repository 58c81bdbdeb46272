using System.Diagnostics.Metrics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using HoneyHive.Kiota.Ingestion;
using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Benchmarks.Sink;

/// <summary>
/// Where the time of <see cref="EventSink.Enqueue"/> goes: a replica of its steps added one at a time to a bare
/// channel write (<see cref="EnqueueReplica"/>, whose reader does the sink worker's per-event work).
/// </summary>
/// <remarks>
/// <para>The replica declares its counters in EventSink's order, so its ticket counter shares a cache line with the
/// counter its reader increments for every event it takes, as EventSink's <c>_tickets</c> does with the worker's
/// <c>_dequeued</c> (offsets 160 and 184 in the object, measured on this build). Same iteration scheme as
/// <see cref="SinkEnqueueBenchmarks"/>: 1,000 writes per timed call, the queue emptied between calls, the
/// events' ids read before each call and no forced collection before the timing.</para>
/// <para><see cref="PauseReader"/>: the reader wakes on the first write of a call and then waits, without
/// reading, until the call is over (the writes' own cost); otherwise it drains while the writes go on, as the
/// sink's worker does (the writes then also pay for sharing the channel's lock and for waking the reader).</para>
/// </remarks>
public abstract class EnqueueLadderBenchmarks
{
    protected const int Writes = SinkEnqueueBenchmarks.Writes;

    private EnqueueReplica _replica = null!;
    private long _written;
    private long _touched;

    protected CreateEventRequest[] Events { get; private set; } = [];

    protected abstract bool PauseReader { get; }

    [GlobalSetup]
    public void Setup()
    {
        Events = SinkFixtures.Events(Writes);
        _replica = new EnqueueReplica(capacity: 2_048, batchSize: 500);
        CreateFixtures();

        // As in SinkEnqueueBenchmarks: every path at least 100 times and for a second, so tiered compilation has
        // promoted it before BenchmarkDotNet's own warm-up.
        var until = System.Diagnostics.Stopwatch.GetTimestamp() + System.Diagnostics.Stopwatch.Frequency;
        for (var round = 0; round < 100 || System.Diagnostics.Stopwatch.GetTimestamp() < until; round++)
        {
            foreach (var path in (Func<int>[])[TryWrite, Checks, Counter, TicketSharedLine, TicketOwnLine])
            {
                BeforeReplicaWrites();
                path();
                DrainReplica();
            }

            PrewarmMore();
        }

        Thread.Sleep(500);
        _touched = 0;
    }

    /// <summary>Builds what a derived suite's own paths need.</summary>
    protected virtual void CreateFixtures()
    {
    }

    /// <summary>Runs a derived suite's own paths once, with their setup and cleanup.</summary>
    protected virtual void PrewarmMore()
    {
    }

    [GlobalCleanup]
    public virtual void Cleanup()
    {
        Console.WriteLine($"// replica drained {_replica.Dequeued:N0} of {_written:N0} written, reader waits {_replica.Waits:N0}; touched {_touched:N0} id chars");
        _replica.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Writes, Description = "1. channel TryWrite")]
    public int TryWrite()
    {
        var (replica, events, n) = (_replica, Events, 0);
        for (var i = 0; i < events.Length; i++)
        {
            n += replica.Write(events[i]) ? 1 : 0;
        }

        return Wrote(n);
    }

    [Benchmark(OperationsPerInvoke = Writes, Description = "2. + null and IsNullOrWhiteSpace(EventId) checks")]
    public int Checks()
    {
        var (replica, events, n) = (_replica, Events, 0);
        for (var i = 0; i < events.Length; i++)
        {
            n += replica.CheckAndWrite(events[i]) ? 1 : 0;
        }

        return Wrote(n);
    }

    [Benchmark(OperationsPerInvoke = Writes, Description = "3. + Counter<long>.Add(1), no listener")]
    public int Counter()
    {
        var (replica, events, n) = (_replica, Events, 0);
        for (var i = 0; i < events.Length; i++)
        {
            n += replica.CountAndWrite(events[i]) ? 1 : 0;
        }

        return Wrote(n);
    }

    [Benchmark(OperationsPerInvoke = Writes, Description = "4. + Interlocked ticket beside the reader's counter (= Enqueue)")]
    public int TicketSharedLine()
    {
        var (replica, events, n) = (_replica, Events, 0);
        for (var i = 0; i < events.Length; i++)
        {
            n += replica.Enqueue(events[i]) ? 1 : 0;
        }

        return Wrote(n);
    }

    [Benchmark(OperationsPerInvoke = Writes, Description = "5. + Interlocked ticket on its own cache line")]
    public int TicketOwnLine()
    {
        var (replica, events, n) = (_replica, Events, 0);
        for (var i = 0; i < events.Length; i++)
        {
            n += replica.EnqueuePadded(events[i]) ? 1 : 0;
        }

        return Wrote(n);
    }

    [IterationSetup(Targets = [nameof(TryWrite), nameof(Checks), nameof(Counter), nameof(TicketSharedLine), nameof(TicketOwnLine)])]
    public void BeforeReplicaWrites()
    {
        Touch(Events);
        if (PauseReader)
        {
            _replica.Pause();
        }
    }

    [IterationCleanup(Targets = [nameof(TryWrite), nameof(Checks), nameof(Counter), nameof(TicketSharedLine), nameof(TicketOwnLine)])]
    public void DrainReplica()
    {
        _replica.Resume();
        while (_replica.Dequeued < _written)
        {
            Thread.Yield();
        }
    }

    protected void Touch(CreateEventRequest[] events)
    {
        foreach (var evt in events)
        {
            _touched += evt.EventId?.Length ?? 0;
        }
    }

    private int Wrote(int n)
    {
        _written += n;
        return n;
    }
}

/// <summary>The ladder with the replica's reader draining during the writes, the real Enqueue in the same run, and the id Enqueue assigns, alone and as proposed.</summary>
[MemoryDiagnoser]
[ThreadingDiagnoser]
[WarmupCount(20)]
[IterationCount(200)]
[InvocationCount(1)]
[GcForce(false)]
public class SinkEnqueueStepsBenchmarks : EnqueueLadderBenchmarks
{
    private CreateEventRequest[] _withoutIds = [];
    private InstantBatchHandler _handler = null!;
    private HoneyHiveClient _client = null!;
    private EventSink _sink = null!;

    protected override bool PauseReader => false;

    protected override void CreateFixtures()
    {
        _withoutIds = SinkFixtures.Events(Writes, seed: 7);
        _handler = new InstantBatchHandler();
        _client = SinkFixtures.Client(new Uri("http://127.0.0.1/"), _handler);
        _sink = new EventSink(_client, new EventSinkOptions { QueueCapacity = 2_048, BatchSize = 500 });
    }

    protected override void PrewarmMore()
    {
        TouchEvents();
        SinkEnqueue();
        FlushSink();
        TouchEventsWithoutIds();
        GuidId();
        BufferedId();
    }

    // [GlobalCleanup] likewise.
    public override void Cleanup()
    {
        Console.WriteLine($"// sink {_sink.Counts}");
        base.Cleanup();
        _sink.Dispose();
        _client.Dispose();
        _handler.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Writes, Description = "6. EventSink.Enqueue (the real one)")]
    public int SinkEnqueue()
    {
        var (sink, events, n) = (_sink, Events, 0);
        for (var i = 0; i < events.Length; i++)
        {
            n += sink.Enqueue(events[i]) ? 1 : 0;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Writes, Description = "7. id alone: Guid.NewGuid().ToString()")]
    public int GuidId()
    {
        var events = _withoutIds;
        for (var i = 0; i < events.Length; i++)
        {
            events[i].EventId = Guid.NewGuid().ToString();
        }

        return events.Length;
    }

    [Benchmark(OperationsPerInvoke = Writes, Description = "8. id alone: UUID v4 from a 4 KiB RandomNumberGenerator buffer")]
    public int BufferedId()
    {
        var events = _withoutIds;
        for (var i = 0; i < events.Length; i++)
        {
            events[i].EventId = BufferedUuid.Next().ToString();
        }

        return events.Length;
    }

    [IterationSetup(Target = nameof(SinkEnqueue))]
    public void TouchEvents() => Touch(Events);

    [IterationSetup(Targets = [nameof(GuidId), nameof(BufferedId)])]
    public void TouchEventsWithoutIds() => Touch(_withoutIds);

    [IterationCleanup(Target = nameof(SinkEnqueue))]
    public void FlushSink() => _sink.FlushAsync().GetAwaiter().GetResult();
}

/// <summary>The ladder with the replica's reader paused during the writes: what the steps cost the writing thread on their own.</summary>
[MemoryDiagnoser]
[ThreadingDiagnoser]
[WarmupCount(20)]
[IterationCount(200)]
[InvocationCount(1)]
[GcForce(false)]
public class SinkEnqueueStepsReaderPausedBenchmarks : EnqueueLadderBenchmarks
{
    protected override bool PauseReader => true;
}

/// <summary>
/// EventSink.Enqueue's steps on a channel of the same kind, with a reader that does the worker's per-event work
/// (an Interlocked count, the batch list and the batch's id set).
/// </summary>
internal sealed class EnqueueReplica : IDisposable
{
    private static readonly Meter Meter = new("HoneyHive.Kiota.Benchmarks.Replica");
    private static readonly Counter<long> Enqueued = Meter.CreateCounter<long>("replica.enqueued");

    private readonly ChannelWriter<CreateEventRequest> _writer;
    private readonly ChannelReader<CreateEventRequest> _reader;
    private readonly Task _worker;
    private readonly int _batchSize;

    // In EventSink's order: the ticket and the dequeued count 24 bytes apart.
    private long _tickets;
    private long _dropped;
    private long _evicted;
    private long _dequeued;
    private CacheLine _ownLine;
    private long _waits;
    private TaskCompletionSource? _gate;

    public EnqueueReplica(int capacity, int batchSize)
    {
        var channel = Channel.CreateBounded<CreateEventRequest>(new BoundedChannelOptions(capacity) { SingleReader = true });
        (_writer, _reader, _batchSize) = (channel.Writer, channel.Reader, batchSize);
        _evicted = 0; // only there for the layout (EventSink counts DropOldest evictions in it)
        _worker = Task.Run(RunAsync);
    }

    public long Dequeued => Interlocked.Read(ref _dequeued);

    /// <summary>Times the reader found the queue empty and waited for a write (each wait ends in a wake-up by a writer).</summary>
    public long Waits => Interlocked.Read(ref _waits);

    /// <summary>The reader stops reading (after at most one event) until <see cref="Resume"/>.</summary>
    public void Pause() => Volatile.Write(ref _gate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Resume() => Volatile.Read(ref _gate)?.TrySetResult();

    /// <summary>Not used by the timed paths; keeps the analyzers from calling the counters unused.</summary>
    public long Refused => Interlocked.Read(ref _dropped) + Interlocked.Read(ref _evicted);

    public bool Write(CreateEventRequest evt) => _writer.TryWrite(evt);

    public bool CheckAndWrite(CreateEventRequest evt)
    {
        Check(evt);
        return _writer.TryWrite(evt);
    }

    public bool CountAndWrite(CreateEventRequest evt)
    {
        Check(evt);
        Enqueued.Add(1);
        return _writer.TryWrite(evt);
    }

    public bool Enqueue(CreateEventRequest evt)
    {
        Check(evt);
        Enqueued.Add(1);
        Interlocked.Increment(ref _tickets);
        return _writer.TryWrite(evt) || Refuse();
    }

    public bool EnqueuePadded(CreateEventRequest evt)
    {
        Check(evt);
        Enqueued.Add(1);
        Interlocked.Increment(ref _ownLine.Value);
        return _writer.TryWrite(evt) || Refuse();
    }

    public void Dispose()
    {
        _writer.TryComplete();
        _worker.GetAwaiter().GetResult();
    }

    private bool Refuse()
    {
        Interlocked.Increment(ref _dropped);
        return false;
    }

    private static void Check(CreateEventRequest evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (string.IsNullOrWhiteSpace(evt.EventId))
        {
            throw new InvalidOperationException("the steps suite writes events that carry ids");
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<CreateEventRequest>(_batchSize);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var ready = _reader.WaitToReadAsync();
            if (!ready.IsCompleted)
            {
                Interlocked.Increment(ref _waits);
            }

            if (!await ready.ConfigureAwait(false))
            {
                break;
            }

            if (Volatile.Read(ref _gate) is { } gate)
            {
                await gate.Task.ConfigureAwait(false);
            }

            while (_reader.TryRead(out var item))
            {
                Interlocked.Increment(ref _dequeued);
                if (ids.Contains(item.EventId!) || batch.Count >= _batchSize)
                {
                    batch.Clear();
                    ids.Clear();
                }

                batch.Add(item);
                ids.Add(item.EventId!);
            }
        }
    }

    /// <summary>A long with 64 bytes on either side: alone on its cache line wherever the struct lands.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 136)]
    private struct CacheLine
    {
        [FieldOffset(64)]
        public long Value;
    }
}

/// <summary>Random (version 4) UUIDs from a per-thread buffer that one RandomNumberGenerator.Fill call refills every 256 ids.</summary>
internal static class BufferedUuid
{
    [ThreadStatic]
    private static byte[]? t_buffer;

    [ThreadStatic]
    private static int t_used;

    public static Guid Next()
    {
        var buffer = t_buffer ??= new byte[4096];
        if (t_used == 0 || t_used == buffer.Length)
        {
            RandomNumberGenerator.Fill(buffer);
            t_used = 0;
        }

        Span<byte> bytes = stackalloc byte[16];
        buffer.AsSpan(t_used, 16).CopyTo(bytes);
        buffer.AsSpan(t_used, 16).Clear();
        t_used += 16;
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (Guid's little-endian field layout)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes);
    }
}
