using System.Net;
using System.Text.Json;
using HoneyHive.Kiota.Http;
using HoneyHive.Kiota.Tests.Pagination;
using Microsoft.Kiota.Http.HttpClientLibrary.Extensions;
using RichardSzalay.MockHttp;

namespace HoneyHive.Kiota.Tests.Batching;

/// <summary>Serves POST /events/batch from a function of (request number, event ids sent) and records every body.</summary>
internal sealed class FakeBatchServer
{
    private readonly Func<int, IReadOnlyList<string>, HttpResponseMessage> _answer;
    private readonly object _gate = new();

    public FakeBatchServer(Func<int, IReadOnlyList<string>, HttpResponseMessage>? answer = null)
    {
        _answer = answer ?? ((_, ids) => Created(ids));
        Handler.When(HttpMethod.Post, $"{FlowTestClient.BaseUrl}/events/batch").Respond(Respond);
        Api = FlowTestClient.Create(Handler);
    }

    public MockHttpMessageHandler Handler { get; } = new();

    public HoneyHiveApiClient Api { get; }

    public List<SentBatch> Requests { get; } = [];

    public Action<int>? OnRequest { get; set; }

    public IEnumerable<string> AllSentIds => Requests.SelectMany(r => r.EventIds);

    public static HttpResponseMessage Created(IReadOnlyList<string> ids, string sessionId = "s-1") =>
        FlowTestClient.Json(JsonSerializer.Serialize(new Dictionary<string, object> { ["event_ids"] = ids, ["session_id"] = sessionId, ["success"] = true }));

    public static HttpResponseMessage Partial(IEnumerable<string> createdIds, IEnumerable<string> errors) =>
        FlowTestClient.Json(
            JsonSerializer.Serialize(new Dictionary<string, object> { ["event_ids"] = createdIds.ToList(), ["errors"] = errors.ToList(), ["success"] = false }),
            HttpStatusCode.InternalServerError);

    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        var body = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var ids = root.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event_id").GetString()!).ToList();
        int number;
        lock (_gate)
        {
            number = Requests.Count;
            Requests.Add(new SentBatch(body, ids, root.TryGetProperty("is_single_session", out var single) ? single.GetBoolean() : null,
                root.TryGetProperty("session_properties", out var session) ? session.GetRawText() : null,
                request.GetRequestOption<IdempotentBatchRequestOption>() is not null));
        }

        OnRequest?.Invoke(number);
        return _answer(number, ids);
    }
}

internal sealed record SentBatch(string Body, List<string> EventIds, bool? IsSingleSession, string? SessionProperties, bool MarkedSafeToRepeat);
