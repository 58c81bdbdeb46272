using System.Diagnostics;
using System.Net;
using HoneyHive.Kiota.Batching;
using HoneyHive.Kiota.EndToEnd.Tests.Support;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Http;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Pagination;
using HoneyHive.Kiota.Testing;
using static HoneyHive.Kiota.EndToEnd.Tests.Support.Reads;

namespace HoneyHive.Kiota.EndToEnd.Tests.Faults;

/// <summary>
/// One test per fault the in-memory HoneyHive can inject, each through the loopback host (real sockets),
/// asserting what the client does: how many requests the fake saw, how long it waited, and the final
/// outcome. docs/RELIABILITY.md tabulates these tests.
/// </summary>
public sealed class FaultMatrixTests
{
    private const string Events = "/events";
    private const string Export = "/events/export";
    private const string Batch = "/events/batch";

    private static async Task<Loopback> StartWithOneEventAsync()
    {
        var server = await Loopback.StartAsync();
        server.Fake.AddEvents(new System.Text.Json.Nodes.JsonObject { ["project"] = Clients.Project, ["event_id"] = "seeded-1", ["event_type"] = "model" });
        return server;
    }

    // A recording clock for paged reads: it also pins the read's upper time bound, so it must not be
    // behind the seeded event's start_time (the fake's own clock at seeding).
    // Waits long enough to tell apart (the clock fires them at once): the page re-fetch's backoff is jittered.
    private static readonly RetryOptions PageRetry = new() { MaxRetries = 3, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(5) };

    private static RecordingTimeProvider PagedReadClock() =>
        new(TimeSpan.FromMinutes(1)) { Now = DateTimeOffset.UtcNow.AddHours(1) };

    private static async Task<List<string?>> PagedReadIdsAsync(HoneyHiveClient client, string path)
    {
        var query = new EventQuery(Clients.Project);
        var ids = new List<string?>();
        await foreach (var e in path == Export ? client.ExportEventsAsync(query) : client.GetEventsAsync(query))
        {
            ids.Add(e.EventId);
        }

        return ids;
    }

    [Fact]
    public async Task Status429_with_RetryAfter_waits_the_asked_seconds_then_succeeds()
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.RespondWithStatus(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(2), path: Events);
        var time = new RecordingTimeProvider(TimeSpan.FromMinutes(1));
        using var client = Clients.ForHost(server.BaseAddress, time: time);

        var page = await GetPageAsync(client);

        Assert.Equal("seeded-1", Assert.Single(page!.Events!).EventId);
        Assert.Equal(2, server.RequestsTo(Events));
        // Exactly the server's wait, not the (millisecond) backoff.
        Assert.Equal([TimeSpan.FromSeconds(2)], time.Delays);
    }

    [Fact]
    public async Task Status429_with_RetryAfter_is_honoured_on_the_real_clock()
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.RespondWithStatus(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(1), path: Export);
        using var client = Clients.ForHost(server.BaseAddress);

        var watch = Stopwatch.StartNew();
        var page = await ExportPageAsync(client);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {watch.Elapsed}");
        Assert.Equal("seeded-1", Assert.Single(page!.Events!).EventId);
        Assert.Equal(2, server.RequestsTo(Export));
    }

    [Fact]
    public async Task Status429_persisting_throws_RateLimit_after_all_retries()
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.RespondWithStatus(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(3), times: 10);
        var time = new RecordingTimeProvider(TimeSpan.FromMinutes(1));
        using var client = Clients.ForHost(server.BaseAddress, retry: Clients.FastRetry(3), time: time);

        var ex = await Assert.ThrowsAsync<HoneyHiveRateLimitException>(() => GetPageAsync(client));

        Assert.Equal(4, server.RequestsTo(Events));
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)], time.Delays);
        Assert.Equal(429, ex.ResponseStatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), ex.RetryAfter);
    }

    [Fact]
    public async Task RetryAfter_beyond_MaxRetryAfter_is_not_waited_for()
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.RespondWithStatus(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(120));
        var time = new RecordingTimeProvider(TimeSpan.FromMinutes(1));
        using var client = Clients.ForHost(server.BaseAddress, time: time);

        var ex = await Assert.ThrowsAsync<HoneyHiveRateLimitException>(() => GetPageAsync(client));

        Assert.Equal(1, server.RequestsTo(Events));
        Assert.Empty(time.Delays);
        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
    }

    [Fact]
    public async Task Status503_with_RetryAfter_exhausting_retries_throws_Server()
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.RespondWithStatus(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromSeconds(1), path: Export, times: 3);
        var time = new RecordingTimeProvider(TimeSpan.FromMinutes(1));
        using var client = Clients.ForHost(server.BaseAddress, retry: Clients.FastRetry(2), time: time);

        var ex = await Assert.ThrowsAsync<HoneyHiveServerException>(() => ExportPageAsync(client));

        Assert.Equal(3, server.RequestsTo(Export));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], time.Delays);
        Assert.Equal(503, ex.ResponseStatusCode);
        Assert.Equal(Export, ex.RequestPath);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Transient_status_once_is_retried_and_succeeds(HttpStatusCode status)
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.RespondWithStatus(status, path: Events);
        using var client = Clients.ForHost(server.BaseAddress);

        var page = await GetPageAsync(client);

        Assert.Equal("seeded-1", Assert.Single(page!.Events!).EventId);
        Assert.Equal(2, server.RequestsTo(Events));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, typeof(HoneyHiveApiException))]
    [InlineData(HttpStatusCode.Forbidden, typeof(HoneyHiveAuthenticationException))]
    [InlineData(HttpStatusCode.NotFound, typeof(HoneyHiveNotFoundException))]
    [InlineData(HttpStatusCode.Conflict, typeof(HoneyHiveApiException))]
    public async Task Non_transient_status_is_not_retried(HttpStatusCode status, Type expected)
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.RespondWithStatus(status, jsonBody: """{"error":"nope"}""");
        using var client = Clients.ForHost(server.BaseAddress);

        var ex = await Assert.ThrowsAnyAsync<HoneyHiveApiException>(() => GetPageAsync(client));

        Assert.Equal(expected, ex.GetType());
        Assert.Equal((int)status, ex.ResponseStatusCode);
        Assert.Contains("nope", ex.ResponseBodyExcerpt, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestsTo(Events));
    }

    [Fact]
    public async Task Latency_beyond_the_request_timeout_on_every_attempt_throws_Timeout()
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.AddLatency(TimeSpan.FromSeconds(30), path: Events, times: 2);
        using var sent = new CountingHandler();
        using var client = Clients.ForHost(server.BaseAddress, retry: Clients.FastRetry(1), requestTimeout: TimeSpan.FromMilliseconds(300), handler: sent);

        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<HoneyHiveTimeoutException>(() => GetPageAsync(client));

        // Counted where the client sends: the second attempt can time out before the loaded loopback host
        // hands it to the fake, so the fake's count may be 1.
        Assert.Equal(2, sent.Sent);
        Assert.Equal(TimeSpan.FromMilliseconds(300), ex.Timeout);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}: the timeout did not cut the 30 s latency");
    }

    [Fact]
    public async Task Latency_beyond_the_export_timeout_once_is_retried_and_succeeds()
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.AddLatency(TimeSpan.FromSeconds(30), path: Export);
        // The export has its own, longer budget; only it is short here.
        using var client = Clients.ForHost(server.BaseAddress, exportTimeout: TimeSpan.FromMilliseconds(300));

        var page = await ExportPageAsync(client);

        Assert.Equal("seeded-1", Assert.Single(page!.Events!).EventId);
        Assert.Equal(2, server.RequestsTo(Export));
    }

    [Fact]
    public async Task Caller_cancellation_during_latency_is_not_a_timeout_and_not_retried()
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.AddLatency(TimeSpan.FromSeconds(30), path: Events);
        using var client = Clients.ForHost(server.BaseAddress);
        using var cancel = new CancellationTokenSource();

        // Cancel once the server holds the request (a fixed delay raced the request on a loaded machine).
        var call = GetPageAsync(client, cancel.Token);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (server.RequestsTo(Events) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await cancel.CancelAsync();
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.IsNotType<HoneyHiveTimeoutException>(ex.InnerException);
        Assert.Equal(1, server.RequestsTo(Events));
    }

    [Fact]
    public async Task Truncated_body_through_the_generated_builder_throws_ResponseFormat_and_is_not_retried()
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.TruncateBody(path: Events);
        using var client = Clients.ForHost(server.BaseAddress);

        var ex = await Assert.ThrowsAsync<HoneyHiveResponseFormatException>(() => GetPageAsync(client));

        // A single request through the builders: a 200 was delivered, the caller decides whether to repeat it.
        Assert.Equal(200, ex.ResponseStatusCode);
        Assert.Equal(Events, ex.RequestPath);
        Assert.Equal(1, server.RequestsTo(Events));
    }

    [Theory]
    [InlineData(Events)]
    [InlineData(Export)]
    public async Task Truncated_body_once_in_a_paged_read_is_fetched_again_and_succeeds(string path)
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.TruncateBody(path: path);
        var time = PagedReadClock();
        using var client = Clients.ForHost(server.BaseAddress, retry: PageRetry, time: time);

        var ids = await PagedReadIdsAsync(client, path);

        Assert.Equal(["seeded-1"], ids);
        Assert.Equal(2, server.RequestsTo(path));
        // One wait before the repeat: RetryOptions.BaseDelay (1 s), jittered between half of it and all of it.
        Assert.InRange(Assert.Single(time.Delays), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData(Events)]
    [InlineData(Export)]
    public async Task Truncated_body_persisting_in_a_paged_read_throws_ResponseFormat_after_all_retries(string path)
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.TruncateBody(path: path, times: 10);
        var time = PagedReadClock();
        using var client = Clients.ForHost(server.BaseAddress, retry: PageRetry, time: time);

        var ex = await Assert.ThrowsAsync<HoneyHiveResponseFormatException>(() => PagedReadIdsAsync(client, path));

        Assert.Equal(200, ex.ResponseStatusCode);
        Assert.Equal(path, ex.RequestPath);
        Assert.Equal(4, server.RequestsTo(path));
        // Caps BaseDelay × 2^attempt (1 s, 2 s, 4 s; MaxDelay 5 s), each wait between half its cap and the cap:
        // the ranges do not overlap, so the doubling shows whatever the jitter drew.
        Assert.Collection(
            time.Delays,
            d => Assert.InRange(d, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)),
            d => Assert.InRange(d, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)),
            d => Assert.InRange(d, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public async Task Truncated_body_in_a_paged_read_is_not_fetched_again_when_retries_are_off()
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.TruncateBody(path: Events);
        var time = PagedReadClock();
        using var client = Clients.ForHost(server.BaseAddress, retry: Clients.FastRetry(0), time: time);

        var ex = await Assert.ThrowsAsync<HoneyHiveResponseFormatException>(() => PagedReadIdsAsync(client, Events));

        Assert.Equal(200, ex.ResponseStatusCode);
        Assert.Equal(1, server.RequestsTo(Events));
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task A_page_of_valid_json_in_the_wrong_shape_is_not_fetched_again()
    {
        await using var server = await StartWithOneEventAsync();
        // Valid JSON: a repeat would get the same answer.
        server.Fake.Faults.RespondWithStatus(HttpStatusCode.OK, jsonBody: """{"events":"none","totalEvents":1}""", path: Export, times: 2);
        var time = PagedReadClock();
        using var client = Clients.ForHost(server.BaseAddress, retry: Clients.FastRetry(3), time: time);

        await Assert.ThrowsAsync<HoneyHiveResponseFormatException>(() => PagedReadIdsAsync(client, Export));

        Assert.Equal(1, server.RequestsTo(Export));
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task Html_502_page_persisting_throws_Server_with_the_page_in_the_excerpt()
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.HtmlBadGateway(times: 4);
        using var client = Clients.ForHost(server.BaseAddress, retry: Clients.FastRetry(3));

        var ex = await Assert.ThrowsAsync<HoneyHiveServerException>(() => ExportPageAsync(client));

        Assert.Equal(502, ex.ResponseStatusCode);
        Assert.Contains("502 Bad Gateway", ex.ResponseBodyExcerpt, StringComparison.Ordinal);
        Assert.Equal(4, server.RequestsTo(Export));
    }

    [Fact]
    public async Task Html_502_page_once_is_retried_and_succeeds()
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.HtmlBadGateway();
        using var client = Clients.ForHost(server.BaseAddress);

        var page = await GetPageAsync(client);

        Assert.Equal("seeded-1", Assert.Single(page!.Events!).EventId);
        Assert.Equal(2, server.RequestsTo(Events));
    }

    [Fact]
    public async Task Connection_failure_once_is_retried_and_succeeds()
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.FailConnection(path: Events);
        using var client = Clients.ForHost(server.BaseAddress);

        var page = await GetPageAsync(client);

        Assert.Equal("seeded-1", Assert.Single(page!.Events!).EventId);
        Assert.Equal(2, server.RequestsTo(Events));
    }

    [Fact]
    public async Task Connection_failure_persisting_throws_a_connection_exception_after_all_retries()
    {
        await using var server = await StartWithOneEventAsync();
        server.Fake.Faults.FailConnection(times: 10);
        using var client = Clients.ForHost(server.BaseAddress, retry: Clients.FastRetry(2));

        var error = await Assert.ThrowsAsync<HoneyHiveConnectionException>(() => GetPageAsync(client));

        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(3, server.RequestsTo(Events));
    }

    [Fact]
    public async Task A_refused_connection_says_so_through_the_connection_exception()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Clients.ApiKey });
        fake.Faults.FailConnection(times: 10);
        using var client = Clients.ForHandler(fake);

        var error = await Assert.ThrowsAsync<HoneyHiveConnectionException>(() => GetPageAsync(client));

        Assert.Equal(HttpRequestError.ConnectionError, error.Error);
        Assert.IsAssignableFrom<Microsoft.Kiota.Abstractions.ApiException>(error);
    }

    [Fact]
    public async Task Partial_batch_failure_names_exactly_the_failed_events_and_stores_the_others()
    {
        await using var server = await Loopback.StartAsync();
        var events = Enumerable.Range(0, 10).Select(i => NewEvent(i, $"pb-{i}")).ToList();
        server.Fake.Faults.FailBatchEventIds("pb-2", "pb-7");
        using var client = Clients.ForHost(server.BaseAddress);

        var result = await client.CreateEventsAsync(events);

        Assert.Equal(["pb-2", "pb-7"], result.Failed.Select(o => o.EventId));
        Assert.All(result.Failed, o => Assert.Contains(o.EventId, o.Error, StringComparison.Ordinal));
        Assert.Equal(8, result.CreatedCount);
        Assert.Equal(
            events.Select(e => e.EventId).Except(["pb-2", "pb-7"]).Order(StringComparer.Ordinal),
            server.Fake.Events.Select(e => (string)e["event_id"]!).Order(StringComparer.Ordinal));
        // Never retried: eight events already exist.
        Assert.Equal(1, server.RequestsTo(Batch));
        var failed = Assert.Throws<BatchFailedException>(() => result.EnsureSuccess());
        Assert.Equal(["pb-2", "pb-7"], failed.FailedEventIds);
    }

    [Fact]
    public async Task Partial_batch_failure_through_the_generated_builder_is_BatchPartialFailure()
    {
        await using var server = await Loopback.StartAsync();
        server.Fake.Faults.FailBatchEventsAt(1);
        using var client = Clients.ForHost(server.BaseAddress);

        var ex = await Assert.ThrowsAsync<BatchPartialFailure>(() => client.Api.Events.Batch.PostAsync(
            new BatchEventsRequest { Events = [NewEvent(0, "g-0"), NewEvent(1, "g-1"), NewEvent(2, "g-2")] }));

        Assert.Equal(["g-0", "g-2"], ex.EventIds);
        Assert.Contains("g-1", Assert.Single(ex.Errors!), StringComparison.Ordinal);
        Assert.Equal(500, ex.ResponseStatusCode);
        Assert.Equal(1, server.RequestsTo(Batch));
    }

    [Fact]
    public async Task Batch_without_event_ids_is_not_retried_on_503()
    {
        await using var server = await Loopback.StartAsync();
        server.Fake.Faults.RespondWithStatus(HttpStatusCode.ServiceUnavailable, path: Batch);
        using var client = Clients.ForHost(server.BaseAddress);

        await Assert.ThrowsAsync<HoneyHiveServerException>(() => client.Api.Events.Batch.PostAsync(new BatchEventsRequest { Events = [NewEvent(0)] }));

        // A repeat could create the event twice under two server-assigned ids.
        Assert.Equal(1, server.RequestsTo(Batch));
        Assert.Empty(server.Fake.Events);
    }

    [Fact]
    public async Task Batch_marked_idempotent_is_retried_on_503_and_stored_once()
    {
        await using var server = await Loopback.StartAsync();
        server.Fake.Faults.RespondWithStatus(HttpStatusCode.ServiceUnavailable, path: Batch);
        using var client = Clients.ForHost(server.BaseAddress);

        var response = await client.Api.Events.Batch.PostAsync(
            new BatchEventsRequest { Events = [NewEvent(0, "idem-0")] },
            config => config.Options.Add(IdempotentBatchRequestOption.Instance));

        Assert.Equal(["idem-0"], response!.EventIds);
        Assert.Equal(2, server.RequestsTo(Batch));
        Assert.Single(server.Fake.Events);
    }

    [Fact]
    public async Task Status401_throws_Authentication_without_retrying_or_leaking_the_key()
    {
        await using var server = await Loopback.StartAsync(apiKey: "the-right-key");
        const string wrongKey = "hh_wrong_key_9f8e7d6c5b4a";
        using var client = Clients.ForHost(server.BaseAddress, apiKey: wrongKey);

        var ex = await Assert.ThrowsAsync<HoneyHiveAuthenticationException>(() => GetPageAsync(client));

        Assert.Equal(401, ex.ResponseStatusCode);
        Assert.Equal(1, server.RequestsTo(Events));
        Assert.Equal($"Bearer {wrongKey}", server.Fake.Requests[0].Header("Authorization"));
        Assert.DoesNotContain(wrongKey, ex.ToString(), StringComparison.Ordinal);
    }
}
