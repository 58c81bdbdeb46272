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
    public int Stj() => Serializers.Stj(_stj).Length;

    /// <remarks>
    /// Kiota's writer returns a pooled (recyclable) memory stream; it is disposed here as the HTTP
    /// request's content would be, so its blocks go back to the pool instead of to the finalizer.
    /// </remarks>
    [Benchmark(Description = "Kiota models, JsonSerializationWriter")]
    public long Kiota()
    {
        using var body = Serializers.Kiota(_kiota);
        return body.Length;
    }

    /// <remarks>The writer the client sends with: free-form values as the JSON they were built from.</remarks>
    [Benchmark(Description = "Kiota models, HoneyHive writer")]
    public long HoneyHive()
    {
        using var body = Serializers.HoneyHive(_kiota);
        return body.Length;
    }
}
