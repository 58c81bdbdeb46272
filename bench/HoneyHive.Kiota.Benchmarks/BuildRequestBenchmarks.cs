using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace HoneyHive.Kiota.Benchmarks;

/// <summary>Building each endpoint's request, up to a finished URI and serialized body; nothing is sent.</summary>
/// <remarks>One category per endpoint, each with its own STJ baseline, so every ratio compares like with like.</remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class BuildRequestBenchmarks
{
    private RequestBuilders _builders = null!;

    [GlobalSetup]
    public void Setup() => _builders = new RequestBuilders();

    [GlobalCleanup]
    public void Cleanup() => _builders.Dispose();

    [Benchmark(Baseline = true, Description = "STJ + HttpRequestMessage"), BenchmarkCategory("GET /events")]
    public HttpRequestMessage GetStj() => _builders.StjGet();

    [Benchmark(Description = "Kiota ToGetRequestInformation + URI"), BenchmarkCategory("GET /events")]
    public Uri GetKiota() => _builders.KiotaGet();

    [Benchmark(Baseline = true, Description = "STJ + HttpRequestMessage"), BenchmarkCategory("POST /events/export")]
    public HttpRequestMessage ExportStj() => _builders.StjExport();

    [Benchmark(Description = "Kiota ToPostRequestInformation + URI"), BenchmarkCategory("POST /events/export")]
    public Uri ExportKiota() => _builders.KiotaExport();

    [Benchmark(Baseline = true, Description = "STJ + HttpRequestMessage"), BenchmarkCategory("POST /events/batch")]
    public HttpRequestMessage BatchStj() => _builders.StjBatch();

    [Benchmark(Description = "Kiota ToPostRequestInformation + URI"), BenchmarkCategory("POST /events/batch")]
    public Uri BatchKiota() => _builders.KiotaBatch();
}
