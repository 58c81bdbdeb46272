using BenchmarkDotNet.Attributes;
using HoneyHive.Bench.Shared.Models;
using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Benchmarks;

/// <summary>Reading one 7,500-event page (the API maximum) into models.</summary>
[MemoryDiagnoser]
public class ParsePageBenchmarks
{
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup() => _json = Payloads.Page;

    [Benchmark(Baseline = true, Description = "STJ source-gen")]
    public Task<StjEventList?> Stj() => Parsers.StjAsync(_json);

    [Benchmark(Description = "Kiota models, HoneyHive parse node")]
    public Task<EventList> HoneyHiveNode() => Parsers.FastAsync(_json);

    [Benchmark(Description = "Kiota models, stock JsonParseNode")]
    public Task<EventList> StockNode() => Parsers.StockAsync(_json);
}
