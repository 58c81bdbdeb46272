using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using RichardSzalay.MockHttp;

namespace HoneyHive.Kiota.Tests.Generated;

/// <summary>What the generated request builders put on the wire for each endpoint.</summary>
public class WireTests
{
    private const string PageJson = """{"events":[],"totalEvents":0}""";

    private static readonly EventFilter ModelFilter = new() { Field = "event_type", Value = "model", Operator = EventFilterOperator.Is, Type = EventFilterType.String };

    [Fact]
    public async Task GetEventsSendsJsonEncodedFiltersAndDateRangeInTheQuery()
    {
        var (mock, captured) = Capture(HttpMethod.Get, "https://api.honeyhive.ai/events*", PageJson);
        var api = TestApi.Create(mock);

        var page = await api.Events.GetAsync(c =>
        {
            c.QueryParameters.Project = "65e0fc2d6a2eb95f55a92cbc";
            // Kiota types query parameters declared as JSON content as strings: the JSON text goes in.
            c.QueryParameters.Filters = QueryJson.Serialize([ModelFilter, new EventFilter { Field = "metadata.cost", Value = "0.01", Operator = EventFilterOperator.GreaterThan, Type = EventFilterType.Number }]);
            c.QueryParameters.DateRange = QueryJson.Serialize(new DateRange { Gte = new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero), Lte = new DateTimeOffset(2024, 4, 2, 0, 0, 0, TimeSpan.Zero) });
            c.QueryParameters.Limit = 500;
            c.QueryParameters.Page = 2;
        });

        Assert.Equal(0, page!.TotalEvents);
        var request = Assert.Single(captured);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/events", request.Uri.AbsolutePath);
        Assert.Equal($"Bearer {TestApi.Key}", request.Authorization);
        Assert.Equal("application/json", request.Accept);
        Assert.Null(request.Body);

        // Everything JSON-ish is percent-encoded: brackets, braces, quotes, '$', ':' and ','.
        Assert.Contains("filters=%5B%7B%22field%22%3A%22event_type%22", request.Uri.Query, StringComparison.Ordinal);
        Assert.Contains("dateRange=%7B%22%24gte%22%3A", request.Uri.Query, StringComparison.Ordinal);
        var query = ParseQuery(request.Uri.Query);
        Assert.Equal(["dateRange", "filters", "limit", "page", "project"], query.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("65e0fc2d6a2eb95f55a92cbc", query["project"]);
        Assert.Equal("500", query["limit"]);
        Assert.Equal("2", query["page"]);
        Assert.Equal(
            """[{"field":"event_type","operator":"is","type":"string","value":"model"},{"field":"metadata.cost","operator":"greater than","type":"number","value":"0.01"}]""",
            query["filters"]);
        var dateRange = JsonNode.Parse(query["dateRange"])!.AsObject();
        Assert.Equal(["$gte", "$lte"], dateRange.Select(p => p.Key));
        Assert.Equal(new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse((string)dateRange["$gte"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateTimeOffset(2024, 4, 2, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse((string)dateRange["$lte"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task GetEventsAlwaysSendsTheRequiredParametersAndOmitsOptionalOnesThatAreNotSet()
    {
        var (mock, captured) = Capture(HttpMethod.Get, "https://api.honeyhive.ai/events*", PageJson);

        // Kiota's URL template names the description's required parameters (project, filters) outside
        // the optional group: they are sent even when empty, the optional ones only when set.
        await TestApi.Create(mock).Events.GetAsync(c => c.QueryParameters.Project = "p");

        Assert.Equal("?filters=&project=p", Assert.Single(captured).Uri.Query);
    }

    [Fact]
    public async Task ExportPostsTheBodyAsJson()
    {
        var (mock, captured) = Capture(HttpMethod.Post, "https://api.honeyhive.ai/events/export", PageJson);

        await TestApi.Create(mock).Events.Export.PostAsync(new ExportEventsRequest
        {
            Project = "Simple RAG",
            Filters = [ModelFilter],
            DateRange = new DateRange { Gte = new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero) },
            Projections = ["event_id", "metadata"],
            Limit = 7500,
            Page = 3,
        });

        var request = Assert.Single(captured);
        Assert.Equal("/events/export", request.Uri.AbsolutePath);
        Assert.Equal("", request.Uri.Query);
        Assert.Equal($"Bearer {TestApi.Key}", request.Authorization);
        Assert.Equal("application/json", request.Accept);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal(
            """{"dateRange":{"$gte":"2024-04-01T00:00:00+00:00"},"filters":[{"field":"event_type","operator":"is","type":"string","value":"model"}],"limit":7500,"page":3,"project":"Simple RAG","projections":["event_id","metadata"]}""",
            request.Body);
    }

    [Fact]
    public async Task BatchPostsEventsWithUnixMillisecondTimestamps()
    {
        var (mock, captured) = Capture(HttpMethod.Post, "https://api.honeyhive.ai/events/batch", """{"event_ids":["e1"],"session_id":"s1","success":true}""");

        var response = await TestApi.Create(mock).Events.Batch.PostAsync(new BatchEventsRequest
        {
            Events =
            [
                new CreateEventRequest
                {
                    Project = "Simple RAG",
                    EventType = CreateEventType.Tool,
                    EventName = "search",
                    Source = "sdk",
                    EventId = "e1",
                    Config = new JsonObject { ["k"] = 1 }.ToUntypedNode(),
                    Inputs = new JsonObject { ["q"] = "héllo \"quoted\"" }.ToUntypedNode(),
                    StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1714978764301),
                    Duration = 12.5,
                },
            ],
            IsSingleSession = false,
        });

        Assert.Equal(["e1"], response!.EventIds);
        Assert.Equal("s1", response.SessionId);
        Assert.True(response.Success);
        var request = Assert.Single(captured);
        Assert.Equal("/events/batch", request.Uri.AbsolutePath);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal(
            """{"events":[{"config":{"k":1},"duration":12.5,"event_id":"e1","event_name":"search","event_type":"tool","inputs":{"q":"héllo \"quoted\""},"project":"Simple RAG","source":"sdk","start_time":1714978764301}],"is_single_session":false}""",
            JsonNode.Parse(request.Body!)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task BatchPartialSuccessSurfacesBothListsAsATypedError()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, "https://api.honeyhive.ai/events/batch").Respond(HttpStatusCode.InternalServerError, "application/json",
            """{"event_ids":["e1"],"errors":["Could not create event e2: invalid event_type"],"success":false}""");

        var error = await Assert.ThrowsAsync<BatchPartialFailure>(() => TestApi.Create(mock).Events.Batch.PostAsync(new BatchEventsRequest { Events = [] }));

        Assert.Equal(500, error.ResponseStatusCode);
        Assert.Equal(["e1"], error.EventIds);
        Assert.Equal(["Could not create event e2: invalid event_type"], error.Errors);
        Assert.False(error.Success);
    }

    private sealed record CapturedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Accept, string? ContentType, string? Body);

    private static (MockHttpMessageHandler Mock, List<CapturedRequest> Captured) Capture(HttpMethod method, string url, string responseJson)
    {
        var captured = new List<CapturedRequest>();
        var mock = new MockHttpMessageHandler();
        mock.When(method, url).Respond(async request =>
        {
            var body = request.Content is null ? null : Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync());
            captured.Add(new CapturedRequest(
                request.Method,
                request.RequestUri!,
                request.Headers.Authorization?.ToString(),
                string.Join(",", request.Headers.Accept.Select(a => a.MediaType)),
                request.Content?.Headers.ContentType?.MediaType,
                body));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(responseJson, Encoding.UTF8, "application/json") };
        });
        return (mock, captured);
    }

    private static Dictionary<string, string> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(parts => Uri.UnescapeDataString(parts[0]), parts => Uri.UnescapeDataString(parts[1]));
}
