using System.Net.Http.Headers;
using System.Text.Json;
using HoneyHive.Bench.Shared.Models;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;

namespace HoneyHive.Kiota.Benchmarks;

/// <summary>
/// Building each endpoint's request: by hand with STJ (what the baseline app does) and through the
/// generated request builders. Shared by the benchmark and the self-check.
/// </summary>
internal sealed class RequestBuilders : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly List<StjEventFilter> _stjFilters = RequestInputs.StjFilters();
    private readonly StjDateRange _stjDateRange = RequestInputs.StjDateRange();
    private readonly StjExportRequest _stjExport = RequestInputs.StjExport();
    private readonly StjBatchRequest _stjBatch = RequestInputs.StjBatch();
    private readonly List<EventFilter> _filters = RequestInputs.Filters();
    private readonly DateRange _dateRange = RequestInputs.DateRange();
    private readonly ExportEventsRequest _export = RequestInputs.Export();
    private readonly BatchEventsRequest _batch = RequestInputs.Batch();

    public RequestBuilders()
    {
        // No request is sent: the adapter is only there because the builders need its serializers and base URL.
        // The client is generated without registering serializers globally, so the adapter is given them.
        var adapter = new HttpClientRequestAdapter(
            new AnonymousAuthenticationProvider(), new HoneyHiveJsonParseNodeFactory(), new JsonSerializationWriterFactory(), _http)
        {
            BaseUrl = RequestInputs.BaseUrl,
        };
        Client = new HoneyHiveApiClient(adapter);
    }

    public HoneyHiveApiClient Client { get; }

    public HttpRequestMessage StjGet()
    {
        var query =
            "project=" + Uri.EscapeDataString(RequestInputs.Project) +
            "&filters=" + Uri.EscapeDataString(JsonSerializer.Serialize(_stjFilters, StjContext.Default.ListStjEventFilter)) +
            "&dateRange=" + Uri.EscapeDataString(JsonSerializer.Serialize(_stjDateRange, StjContext.Default.StjDateRange)) +
            "&limit=" + RequestInputs.Limit + "&page=" + RequestInputs.Page;
        return new HttpRequestMessage(HttpMethod.Get, RequestInputs.BaseUrl + "/events?" + query);
    }

    public HttpRequestMessage StjExport() =>
        Post("/events/export", JsonSerializer.SerializeToUtf8Bytes(_stjExport, StjContext.Default.StjExportRequest));

    public HttpRequestMessage StjBatch() =>
        Post("/events/batch", JsonSerializer.SerializeToUtf8Bytes(_stjBatch, StjContext.Default.StjBatchRequest));

    /// <summary>Reading <see cref="RequestInformation.URI"/> expands the URL template, JSON query values included.</summary>
    public Uri KiotaGet()
    {
        var info = Client.Events.ToGetRequestInformation(config =>
        {
            config.QueryParameters.Project = RequestInputs.Project;
            config.QueryParameters.Filters = QueryJson.Serialize(_filters);
            config.QueryParameters.DateRange = QueryJson.Serialize(_dateRange);
            config.QueryParameters.Limit = RequestInputs.Limit;
            config.QueryParameters.Page = RequestInputs.Page;
        });
        return info.URI;
    }

    public Uri KiotaExport() => Client.Events.Export.ToPostRequestInformation(_export).URI;

    public Uri KiotaBatch() => Client.Events.Batch.ToPostRequestInformation(_batch).URI;

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage Post(string path, byte[] utf8)
    {
        var content = new ByteArrayContent(utf8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, RequestInputs.BaseUrl + path) { Content = content };
    }
}
