using System.Net;
using System.Net.Sockets;
using HoneyHive.Kiota.Testing;

namespace HoneyHive.Cli.Tests;

public sealed class NetworkErrorTests
{
    [Fact]
    public async Task Connection_refused_exits_6()
    {
        var port = ClosedPort();

        // The client retries connection failures with its real backoff (3.5 s at most).
        var result = await Hh.RunWithVariablesAsync(new Dictionary<string, string> { ["HH_API_KEY"] = "k" },
            "events", "list", "--project", "p", "--base-url", $"http://127.0.0.1:{port}");

        Assert.True(result.ExitCode == 6, result.ToString());
        Assert.StartsWith("hh: network failure", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Data);
    }

    [Fact]
    public async Task Connection_dropped_by_the_server_then_recovered_succeeds()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);
        server.Fake.Faults.FailConnection();

        var result = await server.RunAsync("events", "export", "--project", SeedEvents.Project);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(SeedEvents.Ids, Jsonl.Ids(result.JsonLines));
        Assert.Equal(2, server.Fake.Requests.Count);
    }

    [Fact]
    public async Task An_answer_cut_off_mid_body_on_every_retry_exits_6_saying_what_arrived()
    {
        await using var server = await CliServer.StartRawAsync();
        SeedEvents.AddTo(server.Fake);
        server.Fake.Faults.CutResponseBody(100, ConnectionCut.Close, path: "/events", times: 10);

        var result = await server.RunAsync("events", "list", "--project", SeedEvents.Project);

        Assert.True(result.ExitCode == 6, result.ToString());
        Assert.Matches(
            @"^hh: network failure: the server's answer broke off part-way, also on every retry \(GET /events got an incomplete answer: the connection was closed after the status \(200 OK\) and 100 of [\d,]+ body bytes\)$",
            result.Error.Trim());
        Assert.Equal(4, server.Fake.Requests.Count);
        Assert.Equal("", result.Data);
    }

    [Fact]
    public async Task An_answer_reset_mid_body_once_is_read_again_and_succeeds()
    {
        await using var server = await CliServer.StartRawAsync();
        SeedEvents.AddTo(server.Fake);
        server.Fake.Faults.CutResponseBody(100, ConnectionCut.Reset, path: "/events/export");

        var result = await server.RunAsync("events", "export", "--project", SeedEvents.Project);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(SeedEvents.Ids, Jsonl.Ids(result.JsonLines));
        Assert.Equal(2, server.Fake.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_exits_130()
    {
        await using var server = await CliServer.StartAsync();
        server.Fake.Faults.AddLatency(TimeSpan.FromSeconds(20));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var result = await Hh.RunAsync(new Dictionary<string, string> { ["HH_API_KEY"] = CliServer.ApiKey }, cancellation.Token,
            "events", "list", "--project", "p", "--base-url", server.BaseUrl);

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Equal("hh: cancelled", result.Error.Trim());
    }

    // A port nothing listens on: bound, then released.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
