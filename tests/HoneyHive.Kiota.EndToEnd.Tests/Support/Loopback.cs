using HoneyHive.Kiota.Testing;
using HoneyHive.Kiota.Testing.Hosting;

namespace HoneyHive.Kiota.EndToEnd.Tests.Support;

/// <summary>
/// An in-memory HoneyHive served on 127.0.0.1: the fake (for seeding, faults and the request log) and its host, either
/// Kestrel (<see cref="LoopbackHoneyHive"/>) or the raw-socket host that plays transport faults byte by byte
/// (<see cref="FaultyLoopbackHoneyHive"/>).
/// </summary>
internal sealed class Loopback : IAsyncDisposable
{
    private readonly IAsyncDisposable _host;

    private Loopback(InMemoryHoneyHive fake, IAsyncDisposable host, Uri baseAddress)
    {
        Fake = fake;
        _host = host;
        BaseAddress = baseAddress;
    }

    public InMemoryHoneyHive Fake { get; }

    public Uri BaseAddress { get; }

    /// <summary>Starts a fake that requires <paramref name="apiKey"/> (the key the test clients send by default)
    /// and lists events in <paramref name="order"/>, on Kestrel.</summary>
    public static async Task<Loopback> StartAsync(string apiKey = Clients.ApiKey, EventOrder order = EventOrder.Insertion)
    {
        var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = apiKey, Order = order });
        var host = await LoopbackHoneyHive.StartAsync(fake);
        return new Loopback(fake, host, host.BaseAddress);
    }

    /// <summary>The same on the raw-socket host, for transport faults (cuts, resets, stalls, wrong lengths).</summary>
    public static async Task<Loopback> StartRawAsync(string apiKey = Clients.ApiKey)
    {
        var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = apiKey });
        var host = await FaultyLoopbackHoneyHive.StartAsync(fake);
        return new Loopback(fake, host, host.BaseAddress);
    }

    /// <summary>How many requests the fake received for <paramref name="path"/> (retries included).</summary>
    public int RequestsTo(string path) =>
        Fake.Requests.Count(r => r.PathAndQuery.Split('?')[0] == path);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Fake.Dispose();
    }
}
