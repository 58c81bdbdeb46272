// Plain HttpClient + STJ source-gen baseline: the same three HoneyHive calls a client makes.
// Usage: HoneyHive.Baseline.Aot <base-url> [project]   (API key from HH_API_KEY)
// Prints one line per call; exits 0 only if all three succeeded.
using System.Net.Http.Headers;
using System.Text.Json;
using HoneyHive.Baseline.Aot;
using HoneyHive.Bench.Shared.Models;

if (args.Length < 1 || !Uri.TryCreate(args[0], UriKind.Absolute, out _))
{
    Console.Error.WriteLine("usage: HoneyHive.Baseline.Aot <base-url> [project]   (key in HH_API_KEY)");
    return 2;
}
var apiKey = Environment.GetEnvironmentVariable("HH_API_KEY");
if (string.IsNullOrEmpty(apiKey))
{
    Console.Error.WriteLine("HH_API_KEY is not set");
    return 2;
}
var baseUrl = args[0].TrimEnd('/');
var project = args.Length > 1 ? args[1] : "Simple RAG";

using var http = new HttpClient();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

var ok = true;

// GET /events: filters and dateRange travel as URL-encoded JSON strings in the query.
var query =
    "project=" + Uri.EscapeDataString(project) +
    "&filters=" + Uri.EscapeDataString(JsonSerializer.Serialize(BaselineRequests.Filters(), StjContext.Default.ListStjEventFilter)) +
    "&dateRange=" + Uri.EscapeDataString(JsonSerializer.Serialize(BaselineRequests.DateRange(), StjContext.Default.StjDateRange)) +
    "&limit=" + BaselineRequests.Limit + "&page=" + BaselineRequests.Page;
using (var response = await http.GetAsync(baseUrl + "/events?" + query))
{
    ok &= await ReportEventList("GET /events", response);
}

// POST /events/export: the same query as a JSON body.
using (var body = JsonBody(JsonSerializer.SerializeToUtf8Bytes(BaselineRequests.Export(project), StjContext.Default.StjExportRequest)))
using (var response = await http.PostAsync(baseUrl + "/events/export", body))
{
    ok &= await ReportEventList("POST /events/export", response);
}

// POST /events/batch: one event. A 500 may carry a partial-success body, so read it too.
using (var body = JsonBody(JsonSerializer.SerializeToUtf8Bytes(BaselineRequests.Batch(project), StjContext.Default.StjBatchRequest)))
using (var response = await http.PostAsync(baseUrl + "/events/batch", body))
{
    var status = (int)response.StatusCode;
    if (response.IsSuccessStatusCode || status == 500)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        var result = await JsonSerializer.DeserializeAsync(stream, StjContext.Default.StjBatchResponse);
        Console.WriteLine($"POST /events/batch {status} event_ids={result?.EventIds?.Count ?? 0} errors={result?.Errors?.Count ?? 0} success={result?.Success}");
    }
    else
    {
        Console.WriteLine($"POST /events/batch {status}");
    }
    ok &= response.IsSuccessStatusCode;
}

return ok ? 0 : 1;

static ByteArrayContent JsonBody(byte[] utf8)
{
    // Bytes with a known length: Content-Length instead of chunked, as a small body should go.
    var content = new ByteArrayContent(utf8);
    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    return content;
}

static async Task<bool> ReportEventList(string call, HttpResponseMessage response)
{
    var status = (int)response.StatusCode;
    if (!response.IsSuccessStatusCode)
    {
        Console.WriteLine($"{call} {status}");
        return false;
    }
    await using var stream = await response.Content.ReadAsStreamAsync();
    var list = await JsonSerializer.DeserializeAsync(stream, StjContext.Default.StjEventList);
    Console.WriteLine($"{call} {status} events={list?.Events?.Count ?? 0} totalEvents={list?.TotalEvents}");
    return true;
}
