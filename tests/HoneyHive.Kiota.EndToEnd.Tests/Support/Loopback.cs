using HoneyHive.Kiota.Testing;
using HoneyHive.Kiota.Testing.Hosting;

namespace HoneyHive.Kiota.EndToEnd.Tests.Support;

/// <summary>An in-memory HoneyHive served on 127.0.0.1: the fake (for seeding, faults and the request log) and its host.</summary>
internal sealed class Loopback : IAsyncDisposable
{
    private Loopback(InMemoryHoneyHive fake, LoopbackHoneyHive host)
    {
        Fake = fake;
        Host = host;
    }

    public InMemoryHoneyHive Fake { get; }

    public LoopbackHoneyHive Host { get; }

    public Uri BaseAddress => Host.BaseAddress;

    /// <summary>Starts a fake that requires <paramref name="apiKey"/> (the key the test clients send by default)
    /// and lists events in <paramref name="order"/>.</summary>
    public static async Task<Loopback> StartAsync(string apiKey = Clients.ApiKey, EventOrder order = EventOrder.Insertion)
    {
        var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = apiKey, Order = order });
        return new Loopback(fake, await LoopbackHoneyHive.StartAsync(fake));
    }

    /// <summary>How many requests the fake received for <paramref name="path"/> (retries included).</summary>
    public int RequestsTo(string path) =>
        Fake.Requests.Count(r => r.PathAndQuery.Split('?')[0] == path);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Fake.Dispose();
    }
}
