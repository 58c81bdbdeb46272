using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using HoneyHive.Bench.Shared.Models;
using HoneyHive.Kiota.Pagination;

namespace HoneyHive.Kiota.Benchmarks.Export;

/// <summary>
/// A whole export over HTTP on 127.0.0.1: 10 pages of 7,500 events (about 17 MiB each) from a server that answers at
/// once. Baseline: a plain <see cref="HttpClient"/> that posts each page request written by System.Text.Json source
/// generation and deserializes each answer into the <c>Stj*</c> models, stopping at the last page; against
/// <see cref="HoneyHiveClient.ExportEventsAsync"/> with <c>PageSize</c> 7,500. Both read every event's id and duration.
/// </summary>
[MemoryDiagnoser]
public class ExportEndToEndBenchmarks
{
    public const int Pages = 10;
    public const int PageSize = 7_500;
    public const int EventCount = Pages * PageSize;

    private StaticExportServer _server = null!;
    private HttpClient _http = null!;
    private HoneyHiveClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = StaticExportServer.StartAsync(ExportPages.Build(Pages, PageSize)).GetAwaiter().GetResult();
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bench-key");
        _client = new HoneyHiveClient("bench-key", new HoneyHiveClientOptions { BaseUrl = _server.BaseAddress });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _http.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "HttpClient + STJ source-gen, page by page")]
    public Task<double> HttpClientStj() => StjAsync(_http);

    [Benchmark(Description = "HoneyHiveClient.ExportEventsAsync")]
    public Task<double> ExportEventsAsync() => KiotaAsync(_client);

    /// <summary>The baseline read; shared with the self-check.</summary>
    internal static async Task<double> StjAsync(HttpClient http)
    {
        var (events, durations) = (0L, 0.0);
        for (var page = 1; ; page++)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(
                new StjExportRequest { Project = ExportPages.Project, Limit = PageSize, Page = page },
                StjContext.Default.StjExportRequest);
            using var request = new HttpRequestMessage(HttpMethod.Post, "events/export") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            StjEventList? list;
            await using (stream.ConfigureAwait(false))
            {
                list = await JsonSerializer.DeserializeAsync(stream, StjContext.Default.StjEventList).ConfigureAwait(false);
            }

            var count = 0;
            foreach (var e in list?.Events ?? [])
            {
                durations += e.EventId is null ? 0 : e.Duration ?? 0;
                count++;
            }

            events += count;
            if (count < PageSize || (list?.TotalEvents is { } total && (long)page * PageSize >= total))
            {
                break;
            }
        }

        return events == EventCount ? durations : throw new InvalidOperationException($"read {events} events, expected {EventCount}");
    }

    /// <summary>The client's read; shared with the self-check.</summary>
    internal static async Task<double> KiotaAsync(HoneyHiveClient client)
    {
        var (events, durations) = (0L, 0.0);
        await foreach (var e in client.ExportEventsAsync(new EventQuery(ExportPages.Project) { PageSize = PageSize }).ConfigureAwait(false))
        {
            durations += e.EventId is null ? 0 : e.Duration ?? 0;
            events++;
        }

        return events == EventCount ? durations : throw new InvalidOperationException($"read {events} events, expected {EventCount}");
    }
}
