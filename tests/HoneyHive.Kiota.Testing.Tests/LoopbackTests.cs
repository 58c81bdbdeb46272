using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using HoneyHive.Kiota.Testing.Hosting;

namespace HoneyHive.Kiota.Testing.Tests;

public class LoopbackTests
{
    [Fact]
    public async Task Serves_batch_and_get_over_real_http()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = "k" });
        await using var host = await LoopbackHoneyHive.StartAsync(fake);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "k");

        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
        var (status, created) = await Api.PostAsync(client, "events/batch", Api.Batch(Api.Event(id: "l-1")));
        var (getStatus, listed) = await Api.GetAsync(client,
            $"events?project=p&filters={Api.Encode("""[{"field":"event_id","operator":"is","value":"l-1","type":"id"}]""")}");

        Assert.Equal(200, status);
        Assert.Equal(["l-1"], Api.Ids(created, "event_ids"));
        Assert.Equal(200, getStatus);
        Assert.Equal(["l-1"], Api.Ids(listed));
        Assert.Equal("Bearer k", fake.Requests[0].Header("Authorization"));
    }

    [Fact]
    public async Task Copies_fault_status_headers_and_html()
    {
        using var fake = new InMemoryHoneyHive();
        await using var host = await LoopbackHoneyHive.StartAsync(fake);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        fake.Faults.RespondWithStatus(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(3));
        fake.Faults.HtmlBadGateway();

        using var limited = await client.PostAsync("events/export", Api.Json(Api.Export("p")));
        using var html = await client.PostAsync("events/export", Api.Json(Api.Export("p")));
        using var unauthorizedPath = await client.GetAsync("nowhere");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unauthorizedPath.StatusCode);
    }

    [Fact]
    public async Task Connection_failure_becomes_a_network_error()
    {
        using var fake = new InMemoryHoneyHive();
        await using var host = await LoopbackHoneyHive.StartAsync(fake);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        fake.Faults.FailConnection();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event()))));
        Assert.Empty(fake.Events);
    }

    [Fact]
    public async Task Reset_after_processing_aborts_the_connection_after_storing()
    {
        using var fake = new InMemoryHoneyHive();
        await using var host = await LoopbackHoneyHive.StartAsync(fake);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        fake.Faults.ResetConnectionAfterProcessing(path: "/events/batch");

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event(id: "x-1"), Api.Event(id: "x-2")))));
        var (status, _) = await Api.PostAsync(client, "events/batch", Api.Batch(Api.Event(id: "x-3")));

        Assert.Equal(["x-1", "x-2", "x-3"], fake.Events.Select(e => e["event_id"]!.GetValue<string>()));
        Assert.Equal(200, status);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task Reset_after_processing_on_a_reused_connection_is_not_retried_by_the_client()
    {
        using var fake = new InMemoryHoneyHive();
        await using var host = await LoopbackHoneyHive.StartAsync(fake);
        var connections = 0;
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = host.BaseAddress };
        var (warmUp, _) = await Api.PostAsync(client, "events/export", Api.Export("p"));
        fake.Faults.ResetConnectionAfterProcessing();

        // SocketsHttpHandler may silently resend a request that fails on a pooled connection before any response
        // byte arrives; pin that this one reaches the caller (and reaches the fake once), or the fault is invisible.
        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event(id: "y")))));

        Assert.Equal(200, warmUp);
        Assert.Equal(1, connections);
        Assert.Equal("y", Assert.Single(fake.Events)["event_id"]!.GetValue<string>());
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task A_batch_resent_after_a_reset_is_stored_once_and_counted_as_a_justified_repeat()
    {
        using var fake = new InMemoryHoneyHive();
        await using var host = await LoopbackHoneyHive.StartAsync(fake);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        fake.Faults.ResetConnectionAfterProcessing();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event(id: "z")))));
        var (status, _) = await Api.PostAsync(client, "events/batch", Api.Batch(Api.Event(id: "z")));

        Assert.Equal(200, status);
        Assert.Single(fake.Events);
        var repeat = Assert.Single(fake.RepeatedEvents);
        Assert.Equal("z", repeat.EventId);
        Assert.True(repeat.AfterHiddenOutcome);
    }
}
