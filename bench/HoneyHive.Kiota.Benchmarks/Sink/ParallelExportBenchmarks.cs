using BenchmarkDotNet.Attributes;
using HoneyHive.Kiota.Pagination;
using HoneyHive.Kiota.Testing;
using HoneyHive.Kiota.Testing.Hosting;

namespace HoneyHive.Kiota.Benchmarks.Sink;

/// <summary>
/// Exporting 20 pages of 500 events (<see cref="HoneyHiveClient.ExportEventsAsync"/>) over HTTP on 127.0.0.1,
/// every page answered 50 ms late: one page at a time (MaxConcurrency 1, the baseline) against 2, 4 and 8 pages
/// in flight. <see cref="Server"/> <c>LoopbackHoneyHive</c> is the in-memory fake over Kestrel (its own work per
/// page, on the same 2 cores, comes on top of the 50 ms); <c>CannedPages</c> serves the bytes the fake gave for
/// each page, after the same 50 ms (<see cref="CannedPageServer"/>).
/// </summary>
/// <remarks>
/// The consumer takes every event and checks it got all 10,000; a <see cref="PageLedger"/> records the most
/// pages answered and not yet finished at any moment (the page bodies alive at once), printed at the end of
/// each case ("pages alive:").
/// </remarks>
[MemoryDiagnoser]
public class ParallelExportBenchmarks
{
    public const int Pages = 20;
    public const int PageSize = 500;
    public const int EventCount = Pages * PageSize;

    /// <summary>Server time added to every page.</summary>
    public static readonly TimeSpan PageLatency = TimeSpan.FromMilliseconds(50);

    private readonly PageLedger _ledger = new(PageSize);
    private InMemoryHoneyHive _fake = null!;
    private IAsyncDisposable _server = null!;
    private PageCountingHandler _handler = null!;
    private HoneyHiveClient _client = null!;
    private long _maxAlive;
    private TimeSpan _cpu;
    private TimeSpan _wall;
    private int _reads;
    private int _concurrency;

    /// <summary>The server: the fake over Kestrel, or its pages served canned.</summary>
    [Params("LoopbackHoneyHive", "CannedPages")]
    public string Server { get; set; } = "LoopbackHoneyHive";

    [GlobalSetup]
    public void Setup()
    {
        _fake = new InMemoryHoneyHive();
        _fake.AddEvents(SinkFixtures.ExportEvents(EventCount));
        Uri baseAddress;
        if (Server == "CannedPages")
        {
            var canned = CannedPageServer.StartAsync(_fake, SinkFixtures.ExportProject, PageSize, Pages, PageLatency).GetAwaiter().GetResult();
            (_server, baseAddress) = (canned, canned.BaseAddress);
        }
        else
        {
            _fake.Faults.AddLatency(PageLatency, path: null, times: int.MaxValue);
            var loopback = LoopbackHoneyHive.StartAsync(_fake).GetAwaiter().GetResult();
            (_server, baseAddress) = (loopback, loopback.BaseAddress);
        }

        _handler = new PageCountingHandler(_ledger, new SocketsHttpHandler());
        _client = SinkFixtures.Client(baseAddress, _handler);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// pages alive ({Server}): at most {_maxAlive} answered and not finished at once over {_reads} reads at MaxConcurrency {_concurrency} (bound N + 1 = {_concurrency + 1}); largest page body {_ledger.LargestPage:N0} B; "
            + $"per read {_wall.TotalMilliseconds / Math.Max(1, _reads):F0} ms wall, {_cpu.TotalMilliseconds / Math.Max(1, _reads):F0} ms CPU (process, every thread)");
        _client.Dispose();
        _handler.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _fake.Dispose();
    }

    [Benchmark(Baseline = true, Description = "MaxConcurrency 1 (sequential)")]
    public Task<long> Sequential() => ExportAsync(1);

    [Benchmark(Description = "MaxConcurrency 2")]
    public Task<long> Concurrency2() => ExportAsync(2);

    [Benchmark(Description = "MaxConcurrency 4")]
    public Task<long> Concurrency4() => ExportAsync(4);

    [Benchmark(Description = "MaxConcurrency 8")]
    public Task<long> Concurrency8() => ExportAsync(8);

    /// <summary>One read of every event; shared with the self-check.</summary>
    internal static async Task<long> ExportAsync(HoneyHiveClient client, PageLedger ledger, int concurrency, Func<long, Task>? afterPage = null, List<string>? ids = null)
    {
        ledger.Reset();
        var query = new EventQuery(SinkFixtures.ExportProject) { PageSize = PageSize, MaxConcurrency = concurrency };
        long count = 0;
        await foreach (var evt in client.ExportEventsAsync(query).ConfigureAwait(false))
        {
            ledger.EventConsumed();
            ids?.Add(evt.EventId!);
            if (++count % PageSize == 0 && afterPage is not null)
            {
                await afterPage(count / PageSize).ConfigureAwait(false);
            }
        }

        if (count != EventCount || ledger.Answered != Pages)
        {
            throw new InvalidOperationException($"expected {EventCount} events in {Pages} pages, read {count} in {ledger.Answered} answers");
        }

        return count;
    }

    private async Task<long> ExportAsync(int concurrency)
    {
        var (cpu, started) = (Environment.CpuUsage.TotalTime, System.Diagnostics.Stopwatch.GetTimestamp());
        var count = await ExportAsync(_client, _ledger, concurrency).ConfigureAwait(false);
        _wall += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        _cpu += Environment.CpuUsage.TotalTime - cpu;
        _maxAlive = Math.Max(_maxAlive, _ledger.MaxAlive);
        _reads++;
        _concurrency = concurrency;
        return count;
    }
}
