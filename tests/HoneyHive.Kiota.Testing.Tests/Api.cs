using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing.Tests;

/// <summary>Raw-HTTP helpers: tests speak the wire format directly, like any client would.</summary>
internal static class Api
{
    public static HttpClient Client(InMemoryHoneyHive fake, string? apiKey = null)
    {
        var client = new HttpClient(fake, disposeHandler: false) { BaseAddress = new Uri("https://api.honeyhive.ai/") };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    public static async Task<(int Status, JsonObject Body)> PostAsync(HttpClient client, string path, JsonNode body)
    {
        using var response = await client.PostAsync(path, Json(body));
        return ((int)response.StatusCode, await ReadObjectAsync(response));
    }

    public static async Task<(int Status, JsonObject Body)> PostAsync(HttpClient client, string path, string body)
    {
        using var response = await client.PostAsync(path, Json(body));
        return ((int)response.StatusCode, await ReadObjectAsync(response));
    }

    public static async Task<(int Status, JsonObject Body)> GetAsync(HttpClient client, string pathAndQuery)
    {
        using var response = await client.GetAsync(pathAndQuery);
        return ((int)response.StatusCode, await ReadObjectAsync(response));
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static JsonObject Batch(params JsonObject[] events) => new() { ["events"] = new JsonArray(events) };

    public static JsonObject Event(string project = "p", string? id = null, string type = "model") => new()
    {
        ["project"] = project,
        ["event_id"] = id,
        ["event_type"] = type,
        ["event_name"] = "Model Completion",
        ["source"] = "test",
        ["config"] = new JsonObject { ["model"] = "gpt-4o" },
        ["inputs"] = new JsonObject(),
        ["duration"] = 10,
    };

    public static JsonObject Export(string project, JsonArray? filters = null) =>
        new() { ["project"] = project, ["filters"] = filters ?? [] };

    public static JsonObject Filter(string field, string op, string value, string type = "string") =>
        new() { ["field"] = field, ["operator"] = op, ["value"] = value, ["type"] = type };

    public static string[] Ids(JsonObject body, string name = "events") => name == "events"
        ? body["events"]!.AsArray().Select(e => e!["event_id"]!.GetValue<string>()).ToArray()
        : body[name]!.AsArray().Select(e => e!.GetValue<string>()).ToArray();

    public static string Encode(string value) => Uri.EscapeDataString(value);
}
