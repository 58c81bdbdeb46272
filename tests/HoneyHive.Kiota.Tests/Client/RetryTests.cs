using System.Net;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Http;
using HoneyHive.Kiota.Models;
using RichardSzalay.MockHttp;
using Xunit;
using static HoneyHive.Kiota.Tests.Client.TestClients;

namespace HoneyHive.Kiota.Tests.Client;

public sealed class RetryTests
{
    private const string BatchUrl = BaseUrl + "/events/batch";
    private const string ExportUrl = BaseUrl + "/events/export";
    private const string BatchOk = """{"event_ids":["e1"],"session_id":"s1","success":true}""";

    private static HttpResponseMessage Status(HttpStatusCode status, string? retryAfter = null)
    {
        var response = Json("""{"error":"transient"}""", status);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return response;
    }

    private static BatchEventsRequest Batch(params string?[] ids) => new()
    {
        Events = [.. ids.Select(id => new CreateEventRequest { Project = "p", EventName = "n", EventType = CreateEventType.Model, Source = "test", EventId = id })],
    };

    [Fact]
    public async Task HonoursRetryAfterSeconds()
    {
        var time = new RecordingTimeProvider();
        var mock = Sequence(EventsUrl, out var calls, () => Status(HttpStatusCode.TooManyRequests, "7"), () => Json(EmptyEventList));
        using var client = Create(mock, time);

        await GetEventsAsync(client);

        Assert.Equal(2, calls());
        Assert.Equal([TimeSpan.FromSeconds(7)], time.Delays);
    }

    [Fact]
    public async Task HonoursRetryAfterHttpDate()
    {
        var time = new RecordingTimeProvider();
        var date = time.Now.AddSeconds(12).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var mock = Sequence(EventsUrl, out var calls, () => Status(HttpStatusCode.ServiceUnavailable, date), () => Json(EmptyEventList));
        using var client = Create(mock, time);

        await GetEventsAsync(client);

        Assert.Equal(2, calls());
        Assert.Equal([TimeSpan.FromSeconds(12)], time.Delays);
    }

    [Fact]
    public async Task RetryAfterLongerThanTheCapIsNotWaitedFor()
    {
        var time = new RecordingTimeProvider();
        var mock = Sequence(EventsUrl, out var calls, () => Status(HttpStatusCode.TooManyRequests, "3600"));
        using var client = Create(mock, time);

        var ex = await Assert.ThrowsAsync<HoneyHiveRateLimitException>(() => GetEventsAsync(client));

        Assert.Equal(1, calls());
        Assert.Empty(time.Delays);
        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task RetriesTransientStatusesWithJitteredBackoff(HttpStatusCode status)
    {
        var time = new RecordingTimeProvider();
        var retry = new RetryOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(3) };
        var mock = Sequence(EventsUrl, out var calls, () => Status(status), () => Status(status), () => Status(status), () => Json(EmptyEventList));
        using var client = Create(mock, time, retry);

        await GetEventsAsync(client);

        Assert.Equal(4, calls());
        // Each wait is random between half its cap and the cap (1 s, 2 s, then capped at 3 s).
        Assert.Collection(
            time.Delays,
            d => Assert.InRange(d, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)),
            d => Assert.InRange(d, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)),
            d => Assert.InRange(d, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task ExhaustedRetriesThrowTheTypedException()
    {
        var mock = Sequence(EventsUrl, out var calls, () => Status(HttpStatusCode.ServiceUnavailable));
        using var client = Create(mock);

        var ex = await Assert.ThrowsAsync<HoneyHiveServerException>(() => GetEventsAsync(client));

        Assert.Equal(4, calls());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
    }

    [Fact]
    public async Task ExhaustedRateLimitKeepsRetryAfter()
    {
        var time = new RecordingTimeProvider();
        var mock = Sequence(EventsUrl, out var calls, () => Status(HttpStatusCode.TooManyRequests, "2"));
        using var client = Create(mock, time, new RetryOptions { MaxRetries = 2 });

        var ex = await Assert.ThrowsAsync<HoneyHiveRateLimitException>(() => GetEventsAsync(client));

        Assert.Equal(3, calls());
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], time.Delays);
        Assert.Equal(TimeSpan.FromSeconds(2), ex.RetryAfter);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task DoesNotRetryPermanentFailures(HttpStatusCode status)
    {
        var mock = Sequence(EventsUrl, out var calls, () => Status(status));
        using var client = Create(mock);

        await Assert.ThrowsAnyAsync<HoneyHiveApiException>(() => GetEventsAsync(client));

        Assert.Equal(1, calls());
    }

    [Fact]
    public async Task RetriesNetworkErrorsOnReads()
    {
        var calls = 0;
        var handler = new DelegateHandler((_, _) => Interlocked.Increment(ref calls) == 1
            ? throw new HttpRequestException("connection reset")
            : Task.FromResult(Json(EmptyEventList)));
        using var client = Create(handler);

        await GetEventsAsync(client);

        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task DoesNotRetryABatchWithoutEventIds()
    {
        var mock = Sequence(BatchUrl, out var calls, () => Status(HttpStatusCode.ServiceUnavailable), () => Json(BatchOk));
        using var client = Create(mock);

        await Assert.ThrowsAsync<HoneyHiveServerException>(() => client.Api.Events.Batch.PostAsync(Batch("e1", null)));

        Assert.Equal(1, calls());
    }

    [Fact]
    public async Task DoesNotRetryABatchAfterANetworkError()
    {
        var handler = new DelegateHandler((_, _) => throw new HttpRequestException("connection reset"));
        using var client = Create(handler);

        var error = await Assert.ThrowsAsync<HoneyHiveConnectionException>(() => client.Api.Events.Batch.PostAsync(Batch((string?)null)));

        Assert.Equal("connection reset", Assert.IsType<HttpRequestException>(error.InnerException).Message);
        Assert.Contains("POST /events/batch got no answer: connection reset", error.Message, StringComparison.Ordinal);

        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task RetriesABatchWhoseEventsAllHaveIdsResendingTheSameBody()
    {
        var bodies = new List<string>();
        var count = 0;
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, BatchUrl).Respond(async request =>
        {
            bodies.Add(await request.Content!.ReadAsStringAsync());
            return ++count == 1 ? Status(HttpStatusCode.BadGateway) : Json(BatchOk);
        });
        using var client = Create(mock);

        var result = await client.Api.Events.Batch.PostAsync(Batch("e1", "e2"));

        Assert.Equal(["e1"], result?.EventIds);
        Assert.Equal(2, bodies.Count);
        Assert.Equal(bodies[0], bodies[1]);
        Assert.Contains("\"event_id\":\"e2\"", bodies[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetriesABatchMarkedIdempotent()
    {
        var mock = Sequence(BatchUrl, out var calls, () => Status(HttpStatusCode.ServiceUnavailable), () => Json(BatchOk));
        using var client = Create(mock);

        await client.Api.Events.Batch.PostAsync(Batch((string?)null), config => config.Options.Add(IdempotentBatchRequestOption.Instance));

        Assert.Equal(2, calls());
    }

    [Fact]
    public async Task BatchPartialSuccessIsNeverRetriedAndSurfacesBothLists()
    {
        const string partial = """{"event_ids":["e1"],"errors":["event 2: missing project"],"success":false}""";
        var mock = Sequence(BatchUrl, out var calls, () => Json(partial, HttpStatusCode.InternalServerError));
        using var client = Create(mock);

        // Even marked idempotent: events were created, a repeat would duplicate them.
        var ex = await Assert.ThrowsAsync<BatchPartialFailure>(() =>
            client.Api.Events.Batch.PostAsync(Batch("e1", "e2"), config => config.Options.Add(IdempotentBatchRequestOption.Instance)));

        Assert.Equal(1, calls());
        Assert.Equal(["e1"], ex.EventIds);
        Assert.Equal(["event 2: missing project"], ex.Errors);
        Assert.False(ex.Success);
        Assert.Equal(500, ex.ResponseStatusCode);
    }

    [Fact]
    public async Task BatchServerErrorWithoutEventIdsIsAServerException()
    {
        var mock = Sequence(BatchUrl, out _, () => Json("""{"error":"db down"}""", HttpStatusCode.InternalServerError));
        using var client = Create(mock, retry: new RetryOptions { MaxRetries = 0 });

        await Assert.ThrowsAsync<HoneyHiveServerException>(() => client.Api.Events.Batch.PostAsync(Batch("e1")));
    }

    [Fact]
    public async Task RetriesExportSinceItOnlyReads()
    {
        var mock = Sequence(ExportUrl, out var calls, () => Status(HttpStatusCode.GatewayTimeout), () => Json(EmptyEventList));
        using var client = Create(mock);

        var result = await client.Api.Events.Export.PostAsync(new ExportEventsRequest { Project = "p", Filters = [] });

        Assert.NotNull(result);
        Assert.Equal(2, calls());
    }

    [Fact]
    public async Task RetriesThroughACallersHttpClient()
    {
        var mock = Sequence(ExportUrl, out var calls, () => Status(HttpStatusCode.ServiceUnavailable), () => Json(EmptyEventList));
        using var callers = new HttpClient(mock);
        using var client = new HoneyHiveClient(ApiKey, new HoneyHiveClientOptions
        {
            HttpClient = callers,
            TimeProvider = new RecordingTimeProvider(),
            RequestTimeout = TimeSpan.FromHours(1),
            ExportTimeout = TimeSpan.FromHours(1),
        });

        await client.Api.Events.Export.PostAsync(new ExportEventsRequest { Project = "p", Filters = [] });

        Assert.Equal(2, calls());
    }
}
