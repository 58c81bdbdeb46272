using HoneyHive.Kiota.Testing;
using HoneyHive.Kiota.Testing.Hosting;

namespace HoneyHive.Cli.Tests;

/// <summary>An <see cref="InMemoryHoneyHive"/> that requires <see cref="ApiKey"/>, served on a loopback
/// port, and a way to run <c>hh</c> against it with the key in <c>HH_API_KEY</c>.</summary>
internal sealed class CliServer : IAsyncDisposable
{
    public const string ApiKey = "hh-test-key-7d1c0b2e";

    private readonly IAsyncDisposable _host;
    private readonly Uri _baseAddress;

    private CliServer(InMemoryHoneyHive fake, IAsyncDisposable host, Uri baseAddress)
    {
        Fake = fake;
        _host = host;
        _baseAddress = baseAddress;
    }

    public InMemoryHoneyHive Fake { get; }

    /// <summary>The base URL without the trailing slash, as a user would type it.</summary>
    public string BaseUrl => _baseAddress.ToString().TrimEnd('/');

    /// <param name="time">The fake's clock (its injected latency); the system's when null.</param>
    public static async Task<CliServer> StartAsync(TimeProvider? time = null)
    {
        var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = ApiKey, TimeProvider = time });
        var host = await LoopbackHoneyHive.StartAsync(fake);
        return new CliServer(fake, host, host.BaseAddress);
    }

    /// <summary>The same fake on the raw-socket host, which plays transport faults (cut bodies, resets) byte by byte.</summary>
    public static async Task<CliServer> StartRawAsync()
    {
        var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = ApiKey });
        var host = await FaultyLoopbackHoneyHive.StartAsync(fake);
        return new CliServer(fake, host, host.BaseAddress);
    }

    /// <summary>Runs <c>hh ARGS --base-url URL</c> with <c>HH_API_KEY</c> set to the right key.</summary>
    public Task<CliResult> RunAsync(params string[] args) =>
        Hh.RunWithVariablesAsync(new Dictionary<string, string> { ["HH_API_KEY"] = ApiKey }, [.. args, "--base-url", BaseUrl]);

    /// <summary>Runs <c>hh ARGS --base-url URL</c> with no environment variables.</summary>
    public Task<CliResult> RunWithoutKeyAsync(params string[] args) =>
        Hh.RunWithVariablesAsync(new Dictionary<string, string>(), [.. args, "--base-url", BaseUrl]);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Fake.Dispose();
    }
}
