using HoneyHive.Kiota.EndToEnd.Tests.Support;

namespace HoneyHive.Kiota.EndToEnd.Tests.RoundTrip;

/// <summary>
/// One loopback server holding <see cref="Count"/> sample events, created through the client's own
/// batching, shared by the filter tests (they only read).
/// </summary>
public sealed class SeededServerFixture : IAsyncLifetime
{
    public const int Count = 300;

    private Loopback? _server;

    public Uri BaseAddress => _server!.BaseAddress;

    public async Task InitializeAsync()
    {
        _server = await Loopback.StartAsync();
        using var client = Clients.ForHost(_server.BaseAddress);
        var result = await client.CreateEventsAsync(Enumerable.Range(0, Count).Select(SampleEvents.Create), new Batching.BatchOptions { BatchSize = 100 });
        result.EnsureSuccess();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
