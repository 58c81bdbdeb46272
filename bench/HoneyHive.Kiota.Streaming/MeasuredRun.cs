using System.Diagnostics;
using HoneyHive.Kiota.Pagination;

namespace HoneyHive.Kiota.Streaming;

/// <summary>Runs one mode in this process and measures it.</summary>
internal static class MeasuredRun
{
    private const string Project = "streaming-bench";

    public static async Task<RunResult> RunAsync(StreamingOptions options)
    {
        // Setup, outside the measured phase: the server's template and the client.
        var template = PageTemplate.Create(options.PageSize);
        using var server = new SyntheticExportServer(template, options.TotalEvents, options.Trace ? PageTrace.Print : null);
        using var client = new HoneyHiveClient("streaming-bench-key", new HoneyHiveClientOptions { Handler = server });

        // Return the setup's garbage to the OS, then start the kernel's peak from here.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var reset = PeakWorkingSet.TryReset();
        var startWorkingSet = Environment.WorkingSet;

        string checksum;
        var sampler = new MemorySampler(TimeSpan.FromMilliseconds(2));
        var clock = Stopwatch.StartNew();
        long events;
        try
        {
            (events, checksum) = options.Mode switch
            {
                "stream" => await ExportAsync(client, options.PageSize, maxPages: null).ConfigureAwait(false),
                "single-page" => await ExportAsync(client, options.PageSize, maxPages: 1).ConfigureAwait(false),
                "server-only" => await DrainServerAsync(server, options.PageSize, options.TotalEvents).ConfigureAwait(false),
                _ => throw new ArgumentException($"Unknown mode {options.Mode}."),
            };
        }
        finally
        {
            clock.Stop();
            sampler.Dispose();
        }

        return new RunResult(
            options.Mode,
            events,
            server.Requests,
            startWorkingSet,
            Math.Max(PeakWorkingSet.Read(), sampler.PeakWorkingSet),
            reset,
            sampler.PeakWorkingSet,
            sampler.PeakGcHeap,
            sampler.PeakGcCommitted,
            clock.Elapsed.TotalSeconds,
            checksum);
    }

    // The client's whole path: pager, request adapter, pipeline (timeouts buffer the body), parse node.
    private static async Task<(long, string)> ExportAsync(HoneyHiveClient client, int pageSize, int? maxPages)
    {
        var tally = new EventTally();
        var query = new EventQuery(Project) { PageSize = pageSize, MaxPages = maxPages };
        await foreach (var item in client.ExportEventsAsync(query).ConfigureAwait(false))
        {
            tally.Add(item);
        }

        return (tally.Count, tally.Checksum);
    }

    // The same pages served and read to the end with the client bypassed: the server's and the
    // runtime's own footprint, which the client's figures include.
    private static async Task<(long, string)> DrainServerAsync(SyntheticExportServer server, int pageSize, long totalEvents)
    {
        using var invoker = new HttpMessageInvoker(server, disposeHandler: false);
        long bytes = 0;
        var pages = (int)((totalEvents + pageSize - 1) / pageSize);
        for (var page = 1; page <= pages; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.honeyhive.ai/events/export")
            {
                Content = new StringContent($$"""{"project":"{{Project}}","filters":[],"limit":{{pageSize}},"page":{{page}}}""", System.Text.Encoding.UTF8, "application/json"),
            };
            using var response = await invoker.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
            await response.Content.CopyToAsync(Stream.Null).ConfigureAwait(false);
            bytes += response.Content.Headers.ContentLength ?? 0;
        }

        return (Math.Min(totalEvents, (long)pages * pageSize), $"{bytes}B");
    }
}
