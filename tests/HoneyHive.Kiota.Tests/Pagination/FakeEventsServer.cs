using System.Net;
using System.Text;
using System.Text.Json;
using RichardSzalay.MockHttp;

namespace HoneyHive.Kiota.Tests.Pagination;

/// <summary>
/// Serves GET /events and POST /events/export from a function of (page, limit) and records what
/// each request asked for.
/// </summary>
internal sealed class FakeEventsServer
{
    private readonly Func<int, int, PageAnswer> _answer;

    public FakeEventsServer(Func<int, int, PageAnswer> answer)
    {
        _answer = answer;
        Handler.Fallback.Respond(Respond);
        Api = FlowTestClient.Create(Handler);
    }

    public MockHttpMessageHandler Handler { get; } = new();

    public HoneyHiveApiClient Api { get; }

    public List<RecordedRequest> Requests { get; } = [];

    public Action<int>? OnRequest { get; set; }

    /// <summary>A server holding <paramref name="total"/> events that reports the true total.</summary>
    public static FakeEventsServer Honest(long total) => new((page, limit) =>
    {
        var skip = (long)(page - 1) * limit;
        var count = (int)Math.Clamp(total - skip, 0, limit);
        return new PageAnswer(count, total);
    });

    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        int page, limit;
        string? body = null;
        if (request.Method == HttpMethod.Get)
        {
            page = int.Parse(FlowTestClient.Query(request.RequestUri!, "page")!);
            limit = int.Parse(FlowTestClient.Query(request.RequestUri!, "limit")!);
        }
        else
        {
            body = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
            using var json = JsonDocument.Parse(body);
            page = json.RootElement.GetProperty("page").GetInt32();
            limit = json.RootElement.GetProperty("limit").GetInt32();
        }

        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, body, page, limit));
        OnRequest?.Invoke(page);
        var answer = _answer(page, limit);
        return FlowTestClient.Json(PageJson(page, answer));
    }

    private static string PageJson(int page, PageAnswer answer)
    {
        var json = new StringBuilder("{\"events\":[");
        for (var i = 0; i < answer.Count; i++)
        {
            if (i > 0) json.Append(',');
            var id = answer.SameIdsEveryPage ? $"e1-{i}" : $"e{page}-{i}";
            json.Append("{\"event_id\":\"").Append(id).Append("\",\"event_type\":\"model\",\"start_time\":1714978764301}");
        }

        json.Append(']');
        if (answer.Total is { } total) json.Append(",\"totalEvents\":").Append(total);
        return json.Append('}').ToString();
    }
}

internal sealed record PageAnswer(int Count, long? Total, bool SameIdsEveryPage = false);

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, int Page, int Limit);
