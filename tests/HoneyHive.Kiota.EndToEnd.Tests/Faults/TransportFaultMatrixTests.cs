using System.Net;
using System.Text.Json.Nodes;
using HoneyHive.Kiota.EndToEnd.Tests.Support;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Pagination;
using HoneyHive.Kiota.Testing;
using static HoneyHive.Kiota.EndToEnd.Tests.Support.Reads;

namespace HoneyHive.Kiota.EndToEnd.Tests.Faults;

/// <summary>
/// The faults networks make, played byte by byte on a raw socket (<c>FaultyLoopbackHoneyHive</c>): answers cut off
/// mid-body by a close or a reset (before or after the batch was stored), requests cut in their body, stalled and
/// dribbled answers, wrong Content-Lengths, redirect loops. Each test asserts what the client does: how many requests
/// the server saw, what was stored, and the typed exception and its message. docs/RELIABILITY.md tabulates them.
/// </summary>
public sealed class TransportFaultMatrixTests
{
    private const string Events = "/events";
    private const string Export = "/events/export";
    private const string Batch = "/events/batch";

    private static async Task<Loopback> StartWithEventsAsync(int count = 30)
    {
        var server = await Loopback.StartRawAsync();
        server.Fake.AddEvents(Enumerable.Range(0, count).Select(i => new JsonObject
        {
            ["project"] = Clients.Project,
            ["event_id"] = $"seeded-{i:D3}",
            ["event_type"] = "model",
            ["start_time"] = DateTimeOffset.UtcNow.AddMinutes(-10).AddSeconds(i).ToUnixTimeMilliseconds(),
        }));
        return server;
    }

    private static async Task<List<string?>> ReadAllAsync(HoneyHiveClient client, string path, int pageSize = 10)
    {
        var query = new EventQuery(Clients.Project) { PageSize = pageSize };
        var ids = new List<string?>();
        await foreach (var e in path == Export ? client.ExportEventsAsync(query) : client.GetEventsAsync(query))
        {
            ids.Add(e.EventId);
        }

        return ids;
    }

    private static List<CreateEventRequest> NewEvents(int count, string? prefix) =>
        Enumerable.Range(0, count).Select(i => NewEvent(i, prefix is null ? null : $"{prefix}-{i:D2}")).ToList();

    private static IEnumerable<string> StoredIds(Loopback server) => server.Fake.Events.Select(e => (string)e["event_id"]!);

    [Theory]
    [InlineData(Events, ConnectionCut.Close)]
    [InlineData(Events, ConnectionCut.Reset)]
    [InlineData(Export, ConnectionCut.Close)]
    [InlineData(Export, ConnectionCut.Reset)]
    public async Task A_page_cut_mid_body_once_is_fetched_again_and_the_read_completes(string path, ConnectionCut cut)
    {
        await using var server = await StartWithEventsAsync();
        server.Fake.Faults.CutResponseBody(300, cut, path: path);
        using var client = Clients.ForHost(server.BaseAddress);

        var ids = await ReadAllAsync(client, path);

        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"seeded-{i:D3}"), ids);
        // Pages 1 (cut, then again), 2 and 3 (3 × 10 reaches totalEvents: no page 4).
        Assert.Equal(4, server.RequestsTo(path));
    }

    [Fact]
    public async Task A_page_cut_on_every_attempt_throws_a_connection_exception_saying_what_arrived()
    {
        await using var server = await StartWithEventsAsync();
        server.Fake.Faults.CutResponseBody(300, ConnectionCut.Close, path: Export, times: 10);
        using var client = Clients.ForHost(server.BaseAddress, retry: Clients.FastRetry(3));

        var error = await Assert.ThrowsAsync<HoneyHiveConnectionException>(() => ReadAllAsync(client, Export));

        Assert.Equal(4, server.RequestsTo(Export));
        var cause = Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(HttpStatusCode.OK, cause.StatusCode);
        Assert.Equal(HttpRequestError.ResponseEnded, error.Error);
        Assert.Matches(@"^POST /events/export got an incomplete answer: the connection was closed after the status \(200 OK\) and 300 of [\d,]+ body bytes$", error.Message);
        Assert.IsAssignableFrom<Microsoft.Kiota.Abstractions.ApiException>(error);
        Assert.Equal(0, error.ResponseStatusCode);
    }

    [Fact]
    public async Task A_page_reset_on_every_attempt_says_the_connection_was_reset()
    {
        await using var server = await StartWithEventsAsync();
        server.Fake.Faults.CutResponseBody(300, ConnectionCut.Reset, path: Events, times: 10);
        using var client = Clients.ForHost(server.BaseAddress, retry: Clients.FastRetry(2));

        var error = await Assert.ThrowsAsync<HoneyHiveConnectionException>(() => ReadAllAsync(client, Events));

        Assert.Equal(3, server.RequestsTo(Events));
        Assert.StartsWith("GET /events got an incomplete answer: the connection was reset after the status (200 OK) and ", error.Message, StringComparison.Ordinal);
        Assert.Equal(HttpRequestError.ConnectionError, error.Error);
        Assert.IsAssignableFrom<IOException>(error.InnerException!.InnerException);
    }

    [Fact]
    public async Task A_page_cut_through_the_generated_builder_is_retried_then_a_connection_exception()
    {
        await using var server = await StartWithEventsAsync();
        server.Fake.Faults.CutResponseBody(0, ConnectionCut.Close, path: Events, times: 10);
        using var client = Clients.ForHost(server.BaseAddress, retry: Clients.FastRetry(1));

        var error = await Assert.ThrowsAsync<HoneyHiveConnectionException>(() => GetPageAsync(client));

        Assert.Equal(2, server.RequestsTo(Events));
        Assert.Contains("after the status (200 OK) and 0 of ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConnectionCut.Close)]
    [InlineData(ConnectionCut.Reset)]
    public async Task A_batch_answer_cut_after_the_events_were_stored_is_sent_again_under_the_same_ids(ConnectionCut cut)
    {
        await using var server = await Loopback.StartRawAsync();
        server.Fake.Faults.CutResponseBody(10, cut, path: Batch);
        using var client = Clients.ForHost(server.BaseAddress);
        var events = NewEvents(20, "cut");

        var result = await client.CreateEventsAsync(events);

        Assert.Equal(20, result.CreatedCount);
        Assert.Equal(2, server.RequestsTo(Batch));
        Assert.Equal(events.Select(e => e.EventId), StoredIds(server));
        // The repeat: every event once more, each after an outcome the client could not see.
        Assert.Equal(events.Select(e => e.EventId), server.Fake.RepeatedEvents.Select(r => r.EventId));
        Assert.All(server.Fake.RepeatedEvents, r => Assert.True(r.AfterHiddenOutcome));
    }

    [Fact]
    public async Task A_batch_answer_cut_on_every_attempt_fails_every_event_with_the_connection_exception()
    {
        await using var server = await Loopback.StartRawAsync();
        server.Fake.Faults.CutResponseBody(10, ConnectionCut.Close, path: Batch, times: 10);
        using var client = Clients.ForHost(server.BaseAddress, retry: Clients.FastRetry(2));
        var events = NewEvents(20, "gone");

        var result = await client.CreateEventsAsync(events);

        Assert.Equal(20, result.FailedCount);
        Assert.Equal(3, server.RequestsTo(Batch));
        Assert.All(result.Failed, o =>
        {
            Assert.IsType<HoneyHiveConnectionException>(o.Exception);
            Assert.StartsWith("POST /events/batch got an incomplete answer: the connection was closed after the status (200 OK) and 10 of ", o.Error, StringComparison.Ordinal);
        });
        // Stored although reported failed: the outcome was unknown, the ids make a later resend safe.
        Assert.Equal(events.Select(e => e.EventId), StoredIds(server));
    }

    [Fact]
    public async Task A_batch_without_event_ids_whose_answer_is_cut_is_not_sent_again_through_the_generated_builder()
    {
        await using var server = await Loopback.StartRawAsync();
        server.Fake.Faults.CutResponseBody(10, ConnectionCut.Reset, path: Batch);
        using var client = Clients.ForHost(server.BaseAddress);

        var error = await Assert.ThrowsAsync<HoneyHiveConnectionException>(() =>
            client.Api.Events.Batch.PostAsync(new BatchEventsRequest { Events = [NewEvent(0), NewEvent(1)] }));

        // A repeat could store the events again under new server ids.
        Assert.Equal(1, server.RequestsTo(Batch));
        Assert.Equal(2, server.Fake.Events.Count);
        Assert.Contains("incomplete answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_with_event_ids_cut_on_every_attempt_through_the_generated_builder_is_a_connection_exception()
    {
        await using var server = await Loopback.StartRawAsync();
        server.Fake.Faults.CutResponseBody(10, ConnectionCut.Close, path: Batch, times: 10);
        using var client = Clients.ForHost(server.BaseAddress, retry: Clients.FastRetry(3));

        await Assert.ThrowsAsync<HoneyHiveConnectionException>(() =>
            client.Api.Events.Batch.PostAsync(new BatchEventsRequest { Events = [NewEvent(0, "b-0"), NewEvent(1, "b-1")] }));

        Assert.Equal(4, server.RequestsTo(Batch));
        Assert.Equal(["b-0", "b-1"], StoredIds(server));
    }

    [Theory]
    [InlineData(ConnectionCut.Close)]
    [InlineData(ConnectionCut.Reset)]
    public async Task A_batch_cut_while_it_was_sent_was_never_stored_and_is_sent_again(ConnectionCut cut)
    {
        await using var server = await Loopback.StartRawAsync();
        server.Fake.Faults.CutRequestBody(40, cut, path: Batch);
        using var client = Clients.ForHost(server.BaseAddress);
        var events = NewEvents(20, "req");

        var result = await client.CreateEventsAsync(events);

        Assert.Equal(20, result.CreatedCount);
        Assert.Equal(2, server.RequestsTo(Batch));
        Assert.Equal(40, server.Fake.Requests[0].Body.Length);
        Assert.Equal(events.Select(e => e.EventId), StoredIds(server));
        Assert.Empty(server.Fake.RepeatedEvents);
    }

    [Fact]
    public async Task A_batch_without_ids_cut_while_it_was_sent_is_not_repeated_and_nothing_is_stored()
    {
        await using var server = await Loopback.StartRawAsync();
        server.Fake.Faults.CutRequestBody(40, ConnectionCut.Reset, path: Batch);
        using var client = Clients.ForHost(server.BaseAddress);

        var error = await Assert.ThrowsAsync<HoneyHiveConnectionException>(() =>
            client.Api.Events.Batch.PostAsync(new BatchEventsRequest { Events = [NewEvent(0), NewEvent(1)] }));

        Assert.Equal(1, server.RequestsTo(Batch));
        Assert.Empty(server.Fake.Events);
        Assert.StartsWith("POST /events/batch got no answer: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stalled_page_times_out_and_is_fetched_again()
    {
        await using var server = await StartWithEventsAsync();
        server.Fake.Faults.StallResponseBody(100, path: Events);
        using var client = Clients.ForHost(server.BaseAddress, requestTimeout: TimeSpan.FromMilliseconds(500));

        var ids = await ReadAllAsync(client, Events);

        Assert.Equal(30, ids.Count);
        Assert.Equal(4, server.RequestsTo(Events));
    }

    [Fact]
    public async Task A_page_stalled_on_every_attempt_throws_Timeout()
    {
        await using var server = await StartWithEventsAsync();
        server.Fake.Faults.StallResponseBody(100, path: Export, times: 10);
        using var client = Clients.ForHost(server.BaseAddress, retry: Clients.FastRetry(1), exportTimeout: TimeSpan.FromMilliseconds(400));

        var error = await Assert.ThrowsAsync<HoneyHiveTimeoutException>(() => ReadAllAsync(client, Export));

        Assert.Equal(2, server.RequestsTo(Export));
        Assert.Equal(TimeSpan.FromMilliseconds(400), error.Timeout);
    }

    [Fact]
    public async Task A_dribbled_page_within_the_timeout_is_read_whole_once()
    {
        await using var server = await StartWithEventsAsync();
        server.Fake.Faults.DribbleResponse(200, TimeSpan.FromMilliseconds(5), path: Export);
        using var client = Clients.ForHost(server.BaseAddress);

        var ids = await ReadAllAsync(client, Export);

        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"seeded-{i:D3}"), ids);
        Assert.Equal(3, server.RequestsTo(Export));
    }

    [Fact]
    public async Task A_content_length_above_the_body_is_a_cut_and_the_page_is_fetched_again()
    {
        await using var server = await StartWithEventsAsync();
        server.Fake.Faults.SendWrongContentLength(64, path: Events);
        using var client = Clients.ForHost(server.BaseAddress);

        var ids = await ReadAllAsync(client, Events);

        Assert.Equal(30, ids.Count);
        Assert.Equal(4, server.RequestsTo(Events));
    }

    [Fact]
    public async Task A_content_length_below_the_body_cuts_the_json_and_a_paged_read_fetches_the_page_again()
    {
        await using var server = await StartWithEventsAsync();
        server.Fake.Faults.SendWrongContentLength(-100, path: Export);
        using var client = Clients.ForHost(server.BaseAddress);

        var ids = await ReadAllAsync(client, Export);

        Assert.Equal(30, ids.Count);
        Assert.Equal(4, server.RequestsTo(Export));
    }

    [Fact]
    public async Task A_content_length_below_the_body_through_the_generated_builder_is_ResponseFormat()
    {
        await using var server = await StartWithEventsAsync();
        server.Fake.Faults.SendWrongContentLength(-100, path: Events);
        using var client = Clients.ForHost(server.BaseAddress);

        var error = await Assert.ThrowsAsync<HoneyHiveResponseFormatException>(() => GetPageAsync(client));

        Assert.Equal(200, error.ResponseStatusCode);
        Assert.Equal(1, server.RequestsTo(Events));
    }

    [Theory]
    [InlineData(HttpStatusCode.Found)]
    [InlineData(HttpStatusCode.TemporaryRedirect)]
    public async Task A_redirect_loop_on_a_paged_read_is_a_typed_api_exception_after_six_requests(HttpStatusCode status)
    {
        await using var server = await StartWithEventsAsync();
        server.Fake.Faults.Redirect(status, path: Events, times: 100);
        using var client = Clients.ForHost(server.BaseAddress, retry: Clients.FastRetry(3));

        var error = await Assert.ThrowsAsync<HoneyHiveApiException>(() => ReadAllAsync(client, Events));

        // The first answer and five redirects followed, all redirects; not retried (a repeat redirects again).
        Assert.Equal(6, server.RequestsTo(Events));
        Assert.Equal((int)status, error.ResponseStatusCode);
        Assert.Equal("GET", error.RequestMethod);
        Assert.Equal(Events, error.RequestPath);
        Assert.Contains($"answered {(int)status} ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"6 redirects in a row, the last to {server.BaseAddress}events, more than the 5 the client follows (a redirect loop)", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public async Task A_redirect_loop_on_a_batch_fails_each_event_with_the_typed_exception()
    {
        await using var server = await Loopback.StartRawAsync();
        server.Fake.Faults.Redirect(HttpStatusCode.TemporaryRedirect, path: Batch, times: 100);
        using var client = Clients.ForHost(server.BaseAddress);
        var events = NewEvents(5, "loop");

        var result = await client.CreateEventsAsync(events);

        Assert.Equal(5, result.FailedCount);
        Assert.All(result.Failed, o =>
        {
            var error = Assert.IsType<HoneyHiveApiException>(o.Exception);
            Assert.Equal(307, error.ResponseStatusCode);
            Assert.StartsWith("HTTP 307: HoneyHive API answered 307 TemporaryRedirect to POST /events/batch", o.Error, StringComparison.Ordinal);
            Assert.Contains("a redirect loop", o.Error, StringComparison.Ordinal);
        });
        Assert.Equal(6, server.RequestsTo(Batch));
        Assert.Empty(server.Fake.Events);
    }

    [Fact]
    public async Task A_single_307_to_the_same_url_is_followed_with_the_batch_body()
    {
        await using var server = await Loopback.StartRawAsync();
        server.Fake.Faults.Redirect(HttpStatusCode.TemporaryRedirect, path: Batch);
        using var client = Clients.ForHost(server.BaseAddress);
        var events = NewEvents(3, "moved");

        var result = await client.CreateEventsAsync(events);

        Assert.Equal(3, result.CreatedCount);
        Assert.Equal(2, server.RequestsTo(Batch));
        Assert.Equal(server.Fake.Requests[0].BodyText, server.Fake.Requests[1].BodyText);
        Assert.Equal($"Bearer {Clients.ApiKey}", server.Fake.Requests[1].Header("Authorization"));
        Assert.Equal(events.Select(e => e.EventId), StoredIds(server));
    }

    [Fact]
    public async Task A_key_echoed_in_the_request_id_stays_out_of_the_exception()
    {
        await using var server = await StartWithEventsAsync();
        server.Fake.Faults.EchoRequestHeader("Authorization", "x-request-id", path: Events);
        server.Fake.Faults.RespondWithStatus(HttpStatusCode.BadRequest, jsonBody: """{"error":"nope"}""", path: Events);
        using var client = Clients.ForHost(server.BaseAddress);

        var error = await Assert.ThrowsAsync<HoneyHiveApiException>(() => GetPageAsync(client));

        Assert.Equal("Bearer [REDACTED]", error.RequestId);
        Assert.Contains("(request id Bearer [REDACTED])", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Clients.ApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(["Bearer [REDACTED]"], error.ResponseHeaders["x-request-id"]);
    }

    [Fact]
    public async Task A_key_echoed_in_any_header_of_a_redirect_loop_or_a_partial_batch_stays_out_of_the_exception()
    {
        await using var server = await Loopback.StartRawAsync();
        server.Fake.Faults.EchoRequestHeader("Authorization", "x-request-id", path: Events, times: 100);
        server.Fake.Faults.Redirect(HttpStatusCode.Found, path: Events, times: 100);
        server.Fake.Faults.EchoRequestHeader("Authorization", "x-debug-auth", path: Batch);
        server.Fake.Faults.FailBatchEventIds("pb-1");
        using var client = Clients.ForHost(server.BaseAddress);

        var loop = await Assert.ThrowsAsync<HoneyHiveApiException>(() => GetPageAsync(client));
        var partial = await Assert.ThrowsAsync<BatchPartialFailure>(() =>
            client.Api.Events.Batch.PostAsync(new BatchEventsRequest { Events = [NewEvent(0, "pb-0"), NewEvent(1, "pb-1")] }));

        Assert.Equal("Bearer [REDACTED]", loop.RequestId);
        Assert.DoesNotContain(Clients.ApiKey, loop.ToString(), StringComparison.Ordinal);
        Assert.All(loop.ResponseHeaders.Values.SelectMany(v => v), v => Assert.DoesNotContain(Clients.ApiKey, v, StringComparison.Ordinal));
        Assert.Equal(["Bearer [REDACTED]"], partial.ResponseHeaders["x-debug-auth"]);
    }
}
