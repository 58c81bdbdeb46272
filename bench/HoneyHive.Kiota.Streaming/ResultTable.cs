using System.Globalization;

namespace HoneyHive.Kiota.Streaming;

/// <summary>Prints the runs as a Markdown table (sizes in MiB), ratios against the single page.</summary>
internal static class ResultTable
{
    private const double MiB = 1024 * 1024;

    public static void Print(IReadOnlyList<RunResult> results)
    {
        var single = results.FirstOrDefault(r => r.Mode == "single-page");
        var server = results.FirstOrDefault(r => r.Mode == "server-only");
        Console.WriteLine();
        Console.WriteLine("| mode | events read | pages | WS at start MiB | peak WS MiB | peak GC heap MiB | peak WS vs single page | net of server-only | time s | events/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {r.Mode} | {r.Events:N0} | {r.Pages:N0} | {r.StartWorkingSet / MiB:F1} | {r.PeakWorkingSet / MiB:F1} | {r.PeakGcHeap / MiB:F1} | {Ratio(r, single, null)} | {Ratio(r, single, server)} | {r.Seconds:F1} | {r.Events / r.Seconds:N0} |"));
        }

        Console.WriteLine();
        Console.WriteLine("peak WS: the kernel's VmHWM " + (results.All(r => r.PeakSinceReset) ? "reset after setup" : "since process start (reset unavailable)")
            + ", or the 2 ms sampled peak if higher. net of server-only: (peak - server-only peak) / (single-page peak - server-only peak).");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {r.Mode}: sampled peak WS {r.SampledPeakWorkingSet / MiB:F1} MiB, peak GC committed {r.PeakGcCommitted / MiB:F1} MiB, checksum {r.Checksum}"));
        }
    }

    private static string Ratio(RunResult r, RunResult? single, RunResult? server)
    {
        if (single is null || (server is not null && r == server))
        {
            return "-";
        }

        var floor = server?.PeakWorkingSet ?? 0;
        var denominator = single.PeakWorkingSet - floor;
        return denominator <= 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{(r.PeakWorkingSet - floor) / (double)denominator:F2}×");
    }
}
