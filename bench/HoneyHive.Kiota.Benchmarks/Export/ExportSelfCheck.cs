using System.Net.Http.Headers;

namespace HoneyHive.Kiota.Benchmarks.Export;

/// <summary>
/// The export suites' paths, run once before any timing: the client and the plain HttpClient + STJ baseline read
/// the same 75,000 events (same sum of durations) from the same pages.
/// </summary>
internal static class ExportSelfCheck
{
    public static string Run()
    {
        var server = StaticExportServer.StartAsync(ExportPages.Build(ExportEndToEndBenchmarks.Pages, ExportEndToEndBenchmarks.PageSize)).GetAwaiter().GetResult();
        try
        {
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bench-key");
            using var client = new HoneyHiveClient("bench-key", new HoneyHiveClientOptions { BaseUrl = server.BaseAddress });
            var baseline = ExportEndToEndBenchmarks.StjAsync(http).GetAwaiter().GetResult();
            var ours = ExportEndToEndBenchmarks.KiotaAsync(client).GetAwaiter().GetResult();
            if (baseline != ours)
            {
                throw new InvalidOperationException($"self-check failed: the export read durations summing to {ours}, the baseline {baseline}");
            }

            return $"an export of {ExportEndToEndBenchmarks.EventCount:N0} events read the baseline's durations";
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
