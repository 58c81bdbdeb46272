using HoneyHive.Kiota.Ingestion;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HoneyHive.Kiota.DependencyInjection.Tests;

/// <summary><c>AddHoneyHiveEventSink</c>: one sink over the registered client, flushed when the host stops.</summary>
public sealed class AddHoneyHiveEventSinkTests
{
    private const string Key = "hh_di_sink_key_0123456789";

    private static CreateEventRequest NewEvent(int i) => new() { Project = "p", EventName = $"request-{i}", EventType = CreateEventType.Tool, Source = "di" };

    private static ServiceProvider Build(InMemoryHoneyHive fake, Action<EventSinkOptions>? configure)
    {
        var services = new ServiceCollection();
        services.AddHoneyHiveClient(s => s.ApiKey = Key).ConfigurePrimaryHttpMessageHandler(() => fake);
        services.AddHoneyHiveEventSink(configure);
        services.AddHoneyHiveEventSink(); // twice: still one sink and one shutdown hook
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task The_sink_is_a_singleton_over_the_client_with_the_configured_options_and_stopping_the_host_flushes_it()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Key });
        await using var provider = Build(fake, o => o.FlushInterval = TimeSpan.FromHours(1));
        var sink = provider.GetRequiredService<EventSink>();
        for (var i = 0; i < 3; i++)
        {
            sink.Enqueue(NewEvent(i));
        }

        var hooks = provider.GetServices<IHostedService>().ToList();
        Assert.Same(sink, provider.GetRequiredService<EventSink>());
        Assert.Single(hooks);
        Assert.Empty(fake.Events);

        var hook = Assert.IsAssignableFrom<IHostedLifecycleService>(hooks[0]);
        await hook.StoppingAsync(CancellationToken.None);
        await hook.StopAsync(CancellationToken.None);

        Assert.Equal(3, fake.Events.Count);
        Assert.Equal(3, sink.Counts.Created);
    }

    [Fact]
    public async Task The_flush_starts_when_the_host_starts_stopping_before_any_service_stops()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Key });
        await using var provider = Build(fake, o => o.FlushInterval = TimeSpan.FromHours(1));
        var sink = provider.GetRequiredService<EventSink>();
        sink.Enqueue(NewEvent(1));
        var hook = Assert.IsAssignableFrom<IHostedLifecycleService>(Assert.Single(provider.GetServices<IHostedService>()));

        await hook.StoppingAsync(CancellationToken.None);
        var waited = DateTime.UtcNow;
        while (fake.Events.Count == 0 && DateTime.UtcNow - waited < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(10);
        }

        Assert.Single(fake.Events);
        await hook.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Once_every_hosted_service_has_stopped_the_sink_is_disposed_with_everything_sent()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Key });
        await using var provider = Build(fake, o => o.FlushInterval = TimeSpan.FromHours(1));
        var sink = provider.GetRequiredService<EventSink>();
        var hook = Assert.IsAssignableFrom<IHostedLifecycleService>(Assert.Single(provider.GetServices<IHostedService>()));
        await hook.StopAsync(CancellationToken.None);

        // A request still being served after the flush enqueues one more.
        sink.Enqueue(NewEvent(1));
        await hook.StoppedAsync(CancellationToken.None);

        Assert.Single(fake.Events);
        Assert.Equal(0, sink.Counts.Pending);
        Assert.False(sink.Enqueue(NewEvent(2)));
    }

    [Fact]
    public async Task Through_a_real_host_stopping_sends_what_was_enqueued()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Key });
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddHoneyHiveClient(s => s.ApiKey = Key).ConfigurePrimaryHttpMessageHandler(() => fake);
        builder.Services.AddHoneyHiveEventSink(o => o.FlushInterval = TimeSpan.FromHours(1));
        using var host = builder.Build();
        await host.StartAsync();
        var sink = host.Services.GetRequiredService<EventSink>();
        for (var i = 0; i < 5; i++)
        {
            sink.Enqueue(NewEvent(i));
        }

        await host.StopAsync();

        Assert.Equal(5, fake.Events.Count);
    }

    [Fact]
    public async Task Without_a_host_a_container_disposing_the_sink_reports_its_events_failed_never_loses_them()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Key });
        var failed = new List<string>();
        var provider = Build(fake, o =>
        {
            o.FlushInterval = TimeSpan.FromHours(1);
            o.OnFailed = outcomes => failed.AddRange(outcomes.Select(x => x.EventId));
        });
        var sink = provider.GetRequiredService<EventSink>();
        var evt = NewEvent(1);
        sink.Enqueue(evt);

        await provider.DisposeAsync();

        Assert.Equal(1, fake.Events.Count + failed.Count);
        Assert.Equal(0, sink.Counts.Pending);
    }
}
