using BenchmarkDotNet.Attributes;
using HoneyHive.Kiota.Benchmarks.Sink;
using HoneyHive.Kiota.Pagination;

namespace HoneyHive.Kiota.Benchmarks.Export;

/// <summary>
/// Memory of a parallel export: 10 pages of 20,000,000 bytes (7,500 events and a top-level string), read through
/// <see cref="HoneyHiveClient.ExportEventsAsync"/> one page at a time (the baseline) and with
/// <c>MaxConcurrency</c> 2 and 4, from a server that answers at once. Each case prints the peak managed heap during
/// its reads above the heap before them (<see cref="HeapPeakSampler"/>) and the most pages answered and not yet
/// finished at once (<see cref="PageLedger"/>): with one buffer per page the peak grows by about a page per page
/// fetched ahead, N + 1 pages in all.
/// </summary>
[MemoryDiagnoser]
public class ParallelPageMemoryBenchmarks
{
    public const int Pages = 10;
    public const int PageSize = 7_500;
    public const int PageBytes = 20_000_000;

    private readonly PageLedger _ledger = new(PageSize);
    private StaticExportServer _server = null!;
    private PageCountingHandler _handler = null!;
    private HoneyHiveClient _client = null!;
    private long _peakAbove;
    private long _before;
    private long _maxAlive;
    private int _concurrency;

    [GlobalSetup]
    public void Setup()
    {
        _server = StaticExportServer.StartAsync(ExportPages.Build(Pages, PageSize, PageBytes)).GetAwaiter().GetResult();
        _handler = new PageCountingHandler(_ledger, new SocketsHttpHandler());
        _client = SinkFixtures.Client(_server.BaseAddress, _handler);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// peak heap (MaxConcurrency {_concurrency}): {_peakAbove / 1048576.0:F1} MiB above the heap before the read "
            + $"({_peakAbove / (double)PageBytes:F2} pages of {PageBytes:N0} B); at most {_maxAlive} pages answered and not finished at once (bound N + 1 = {_concurrency + 1})");
        _client.Dispose();
        _handler.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "MaxConcurrency 1 (sequential)")]
    public Task<long> Sequential() => ReadAsync(1);

    [Benchmark(Description = "MaxConcurrency 2")]
    public Task<long> Concurrency2() => ReadAsync(2);

    [Benchmark(Description = "MaxConcurrency 4")]
    public Task<long> Concurrency4() => ReadAsync(4);

    /// <summary>One read of every event, holding each page until the consumer is done with it.</summary>
    internal static async Task<long> ReadAsync(HoneyHiveClient client, PageLedger ledger, int concurrency)
    {
        ledger.Reset();
        long count = 0;
        await foreach (var e in client.ExportEventsAsync(new EventQuery(ExportPages.Project) { PageSize = PageSize, MaxConcurrency = concurrency }).ConfigureAwait(false))
        {
            ledger.EventConsumed();
            count += e.EventId is null ? 0 : 1;
        }

        return count == (long)Pages * PageSize ? count : throw new InvalidOperationException($"read {count} events");
    }

    // A full collection before each read (not timed: one read per iteration), so the peak is measured from the
    // live heap (the server's pages included) and not from whatever garbage the last read left.
    [IterationSetup]
    public void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _before = GC.GetTotalMemory(false);
    }

    private async Task<long> ReadAsync(int concurrency)
    {
        var before = _before;
        long count;
        using (var sampler = HeapPeakSampler.Start())
        {
            count = await ReadAsync(_client, _ledger, concurrency).ConfigureAwait(false);
            _peakAbove = Math.Max(_peakAbove, sampler.Peak - before);
        }

        _maxAlive = Math.Max(_maxAlive, _ledger.MaxAlive);
        _concurrency = concurrency;
        return count;
    }
}
