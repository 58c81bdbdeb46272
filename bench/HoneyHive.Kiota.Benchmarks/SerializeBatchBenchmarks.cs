using BenchmarkDotNet.Attributes;
using HoneyHive.Bench.Shared.Models;
using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Benchmarks;

/// <summary>Writing a 1,000-event POST /events/batch body; the models are built once, outside the timing.</summary>
[MemoryDiagnoser]
public class SerializeBatchBenchmarks
{
    private StjBatchRequest _stj = new();
    private BatchEventsRequest _kiota = new();

    [GlobalSetup]
    public void Setup()
    {
        _stj = Serializers.StjRequest(Payloads.Batch);
        _kiota = Serializers.KiotaRequest(Payloads.Batch);
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen")]
    public byte[] Stj() => Serializers.Stj(_stj);

    [Benchmark(Description = "Kiota models, JsonSerializationWriter")]
    public Stream Kiota() => Serializers.Kiota(_kiota);
}
