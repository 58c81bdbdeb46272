using System.Net;
using HoneyHive.Kiota.DependencyInjection;
using HoneyHive.Kiota.Pagination;
using HoneyHive.Kiota.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace HoneyHive.Kiota.DependencyInjection.Tests;

/// <summary><c>AddHoneyHiveClient</c> through a real <see cref="ServiceCollection"/> and <c>IHttpClientFactory</c>.</summary>
public sealed class AddHoneyHiveClientTests
{
    private const string Key = "hh_di_key_0123456789";

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create("HoneyHive:" + v.Key, v.Value))).Build().GetSection("HoneyHive");

    [Fact]
    public async Task The_client_is_configured_from_a_section_and_sends_through_the_named_http_client()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Key });
        fake.AddEvents(new System.Text.Json.Nodes.JsonObject { ["project"] = "p", ["event_id"] = "e1", ["event_type"] = "model" });
        var services = new ServiceCollection();
        services.AddHoneyHiveClient(Configuration(
                ("ApiKey", Key),
                ("BaseUrl", "https://eu.honeyhive.example"),
                ("RequestTimeout", "00:00:05"),
                ("UserAgent", "di-test/1.0"),
                ("Retry:MaxRetries", "1")))
            .ConfigurePrimaryHttpMessageHandler(() => fake);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<HoneyHiveClient>();
        var events = await ToListAsync(client.GetEventsAsync(new EventQuery("p")));

        Assert.Same(client, provider.GetRequiredService<HoneyHiveClient>());
        Assert.Equal(new Uri("https://eu.honeyhive.example"), client.BaseUrl);
        Assert.Equal("e1", Assert.Single(events).EventId);
        var request = Assert.Single(fake.Requests);
        Assert.Equal($"Bearer {Key}", request.Header("Authorization"));
        Assert.Contains("di-test/1.0", request.Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_in_code_apply_after_the_section_and_never_show_the_key()
    {
        var services = new ServiceCollection();
        services.AddHoneyHiveClient(Configuration(("ApiKey", Key), ("ExportTimeout", "00:05:00")), s => s.Retry.MaxRetries = 0);
        using var provider = services.BuildServiceProvider();

        var settings = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<HoneyHiveClientSettings>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(5), settings.ExportTimeout);
        Assert.Equal(0, settings.Retry.MaxRetries);
        Assert.DoesNotContain(Key, settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, provider.GetRequiredService<HoneyHiveClient>().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_settings_fail_when_the_client_is_resolved_naming_the_setting()
    {
        var services = new ServiceCollection();
        services.AddHoneyHiveClient(Configuration(("ApiKey", Key), ("BaseUrl", "http://api.honeyhive.ai")));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<HoneyHiveClient>());
        Assert.Contains("BaseUrl must use https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_factorys_handler_rotation_happens_for_a_singleton_client()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Key });
        var created = 0;
        var services = new ServiceCollection();
        services.AddHoneyHiveClient(s => s.ApiKey = Key)
            .ConfigurePrimaryHttpMessageHandler(() =>
            {
                Interlocked.Increment(ref created);
                return new PassThroughHandler(fake);
            })
            .SetHandlerLifetime(TimeSpan.FromSeconds(1));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<HoneyHiveClient>();

        await ToListAsync(client.GetEventsAsync(new EventQuery("p")));
        Assert.Equal(1, created);

        // The factory's minimum lifetime is one second, and its expiry runs on a timer: keep calling, as a
        // long-lived app would, until a request gets a new handler (a fixed wait lost that race on a loaded machine).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref created) < 2 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            await ToListAsync(client.GetEventsAsync(new EventQuery("p")));
        }

        Assert.Equal(2, created);
        Assert.True(fake.Requests.Count >= 2, $"{fake.Requests.Count} requests");
    }

    [Fact]
    public async Task A_retrying_resilience_handler_beside_the_clients_retries_is_refused_with_the_answer()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Key });
        var services = new ServiceCollection();
        services.AddHoneyHiveClient(s => s.ApiKey = Key)
            .ConfigurePrimaryHttpMessageHandler(() => fake)
            .AddStandardResilienceHandler();
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<HoneyHiveClient>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ToListAsync(client.GetEventsAsync(new EventQuery("p"))));

        Assert.Contains("retried by both", error.Message, StringComparison.Ordinal);
        Assert.Contains("Retry.MaxRetries = 0", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task With_the_clients_retries_off_the_resilience_handler_alone_retries()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Key });
        fake.Faults.RespondWithStatus(HttpStatusCode.ServiceUnavailable);
        var services = new ServiceCollection();
        services.AddHoneyHiveClient(s =>
            {
                s.ApiKey = Key;
                s.Retry.MaxRetries = 0;
            })
            .ConfigurePrimaryHttpMessageHandler(() => fake)
            .AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.FromMilliseconds(1));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<HoneyHiveClient>();

        await ToListAsync(client.GetEventsAsync(new EventQuery("p")));

        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public void Without_a_key_resolving_the_client_says_where_to_put_it()
    {
        var previous = Environment.GetEnvironmentVariable(HoneyHiveClient.ApiKeyEnvironmentVariable);
        Environment.SetEnvironmentVariable(HoneyHiveClient.ApiKeyEnvironmentVariable, null);
        try
        {
            var services = new ServiceCollection();
            services.AddHoneyHiveClient(Configuration(("BaseUrl", "https://api.honeyhive.ai")));
            using var provider = services.BuildServiceProvider();

            var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<HoneyHiveClient>());
            Assert.Contains("HH_API_KEY", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(HoneyHiveClient.ApiKeyEnvironmentVariable, previous);
        }
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    // A fresh primary handler per rotation over one shared fake (the fake keeps the requests and outlives them).
    private sealed class PassThroughHandler(HttpMessageHandler shared) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _shared = new(shared, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _shared.SendAsync(request, cancellationToken);
    }
}
