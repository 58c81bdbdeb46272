using System.Diagnostics;

namespace HoneyHive.Kiota.Benchmarks;

/// <summary>
/// A quick Stopwatch + allocated-bytes probe for one timed code path, for profiling between full runs
/// (EventPipe tools are not available here, and BenchmarkDotNet takes minutes per run).
/// </summary>
/// <remarks>Numbers are indicative only; quote BenchmarkDotNet's.</remarks>
internal static class AllocationProbe
{
    public static void Run(string which, int iterations)
    {
        using var builders = new RequestBuilders();
        Func<Task> body = which switch
        {
            "stj" => () => Parsers.StjAsync(Payloads.Page),
            "fast" => () => Parsers.FastAsync(Payloads.Page),
            "stock" => () => Parsers.StockAsync(Payloads.Page),
            "get-stj" => () => Task.FromResult(builders.StjGet()),
            "get-kiota" => () => Task.FromResult(builders.KiotaGet()),
            "export-kiota" => () => Task.FromResult(builders.KiotaExport()),
            _ => throw new ArgumentException($"unknown probe '{which}': use stj, fast, stock, get-stj, get-kiota or export-kiota"),
        };

        for (var i = 0; i < 3; i++)
        {
            body().GetAwaiter().GetResult(); // warm up: tiered JIT and pools
        }

        GC.Collect();
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var gen0 = GC.CollectionCount(0);
        // CPU time as well as wall time: on a shared machine the CPU time moves far less.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            body().GetAwaiter().GetResult();
        }

        clock.Stop();
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        Console.WriteLine(
            $"{which} ({Payloads.Page.Length / 1024.0 / 1024.0:F2} MiB page): {clock.Elapsed.TotalMilliseconds / iterations:F4} ms/op ({cpuMs / iterations:F4} ms CPU), {allocated / (double)iterations:F0} B/op, " +
            $"gen0 {GC.CollectionCount(0) - gen0} over {iterations} ops");
    }
}
