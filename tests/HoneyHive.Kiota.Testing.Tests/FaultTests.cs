using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing.Tests;

public class FaultTests
{
    [Fact]
    public async Task Status_fault_sends_retry_after_then_clears()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.RespondWithStatus(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(7), path: "/events/batch");

        using var limited = await client.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event(id: "r"))));
        using var retried = await client.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event(id: "r"))));

        await RejectionTests.AssertJsonError(limited, HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(0, fake.Faults.Pending);
        Assert.Single(fake.Events);
    }

    [Fact]
    public async Task Status_fault_uses_custom_body_and_only_its_path()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.RespondWithStatus(HttpStatusCode.ServiceUnavailable, jsonBody: """{"error":"down"}""", path: "/events/export", times: 2);

        using var batch = await client.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event())));
        var (first, body) = await Api.PostAsync(client, "events/export", Api.Export("p"));
        var (second, _) = await Api.PostAsync(client, "events/export", Api.Export("p"));
        var (third, _) = await Api.PostAsync(client, "events/export", Api.Export("p"));

        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        Assert.Equal([503, 503, 200], new[] { first, second, third });
        Assert.Equal("down", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Latency_delays_the_answer()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.AddLatency(TimeSpan.FromMilliseconds(300));

        var started = TimeProvider.System.GetTimestamp();
        var (status, _) = await Api.PostAsync(client, "events/export", Api.Export("p"));

        Assert.Equal(200, status);
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task Latency_honours_cancellation_and_stores_nothing()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.AddLatency(TimeSpan.FromMinutes(5));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event())), cts.Token));
        Assert.Empty(fake.Events);
    }

    [Fact]
    public async Task Truncated_body_is_not_valid_json()
    {
        using var fake = new InMemoryHoneyHive();
        fake.AddEvents(Api.Event(id: "t"));
        using var client = Api.Client(fake);
        fake.Faults.TruncateBody();

        using var response = await client.PostAsync("events/export", Api.Json(Api.Export("p")));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("{\"events\":[", text, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Html_bad_gateway_is_text_html()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.HtmlBadGateway();

        using var response = await client.GetAsync($"events?project=p&filters={Api.Encode("[]")}");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>502 Bad Gateway</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connection_failure_throws_like_sockets_handler()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.FailConnection();

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event()))));

        Assert.Equal(HttpRequestError.ConnectionError, ex.HttpRequestError);
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(ex.InnerException).SocketErrorCode);
        Assert.Empty(fake.Events);
    }

    [Fact]
    public async Task Reset_after_processing_stores_the_batch_then_throws_connection_reset()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.ResetConnectionAfterProcessing();

        var ex = await Assert.ThrowsAsync<HttpRequestException>(
            () => client.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event(id: "r-1"), Api.Event(id: "r-2")))));
        var (next, _) = await Api.PostAsync(client, "events/export", Api.Export("p"));

        Assert.Equal(HttpRequestError.ConnectionError, ex.HttpRequestError);
        Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(ex.InnerException).SocketErrorCode);
        Assert.Equal(["r-1", "r-2"], fake.Events.Select(e => e["event_id"]!.GetValue<string>()));
        Assert.Equal(200, next);
        Assert.Equal(0, fake.Faults.Pending);
    }

    [Fact]
    public async Task Reset_after_processing_waits_for_its_path_and_counts_down()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.ResetConnectionAfterProcessing(path: "/events/batch", times: 2);

        var (export, _) = await Api.PostAsync(client, "events/export", Api.Export("p"));
        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event(id: "a")))));
        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event(id: "b")))));
        var (third, _) = await Api.PostAsync(client, "events/batch", Api.Batch(Api.Event(id: "c")));

        Assert.Equal(200, export);
        Assert.Equal(200, third);
        Assert.Equal(["a", "b", "c"], fake.Events.Select(e => e["event_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Reset_after_processing_hides_a_rejection_too()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = "k" });
        using var client = Api.Client(fake);
        fake.Faults.ResetConnectionAfterProcessing();

        // Processing includes auth: the 401 is decided, then the connection drops instead of answering.
        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event()))));

        Assert.Empty(fake.Events);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task Partial_batch_failure_by_event_id_lists_created_ids_and_names_failed_ones()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.FailBatchEventIds("e-2", "e-4");

        var (status, body) = await Api.PostAsync(client, "events/batch",
            Api.Batch(Api.Event(id: "e-1"), Api.Event(id: "e-2"), Api.Event(id: "e-3"), Api.Event(id: "e-4")));

        Assert.Equal(500, status);
        Assert.False(body["success"]!.GetValue<bool>());
        Assert.Equal(["e-1", "e-3"], Api.Ids(body, "event_ids"));
        var errors = Api.Ids(body, "errors");
        Assert.Equal(2, errors.Length);
        Assert.Contains("e-2", errors[0], StringComparison.Ordinal);
        Assert.Contains("e-4", errors[1], StringComparison.Ordinal);
        Assert.Equal(["e-1", "e-3"], fake.Events.Select(e => e["event_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Partial_batch_failure_by_index_names_server_assigned_ids()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.FailBatchEventsAt(0);

        var (status, body) = await Api.PostAsync(client, "events/batch", Api.Batch(Api.Event(), Api.Event()));

        Assert.Equal(500, status);
        var created = Assert.Single(Api.Ids(body, "event_ids"));
        var error = Assert.Single(Api.Ids(body, "errors"));
        var stored = Assert.Single(fake.Events);
        Assert.Equal(created, stored["event_id"]!.GetValue<string>());
        Assert.DoesNotContain(created, error, StringComparison.Ordinal);
        Assert.Matches("[0-9a-f]{8}-[0-9a-f]{4}-", error);
    }

    [Fact]
    public async Task Partial_batch_rule_waits_for_a_batch_request()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.FailBatchEvents((evt, _) => evt["event_type"]!.GetValue<string>() == "tool");

        var (exportStatus, _) = await Api.PostAsync(client, "events/export", Api.Export("p"));
        var (status, body) = await Api.PostAsync(client, "events/batch", Api.Batch(Api.Event(id: "m"), Api.Event(id: "t", type: "tool")));
        var (retry, _) = await Api.PostAsync(client, "events/batch", Api.Batch(Api.Event(id: "t", type: "tool")));

        Assert.Equal(200, exportStatus);
        Assert.Equal(500, status);
        Assert.Equal(["m"], Api.Ids(body, "event_ids"));
        Assert.Equal(200, retry);
        Assert.Equal(["m", "t"], fake.Events.Select(e => e["event_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Faults_apply_before_auth()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = "k" });
        using var client = Api.Client(fake);
        fake.Faults.RespondWithStatus(HttpStatusCode.ServiceUnavailable);

        var (first, _) = await Api.PostAsync(client, "events/export", new JsonObject());
        var (second, _) = await Api.PostAsync(client, "events/export", new JsonObject());

        Assert.Equal(503, first);
        Assert.Equal(401, second);
    }
}
