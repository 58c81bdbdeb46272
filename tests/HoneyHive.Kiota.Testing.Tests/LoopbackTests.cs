using System.Net;
using System.Net.Http.Headers;
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
}
