using System.Diagnostics;
using System.Net;

namespace HoneyHive.Cli.Tests;

/// <summary>5xx answers that outlast the client's retries (1 attempt + 3 retries; the CLI does not
/// expose RetryOptions).</summary>
public sealed class ServerErrorTests
{
    [Fact]
    public async Task Status_500_after_retries_exits_7()
    {
        await using var server = await CliServer.StartAsync();
        // Retry-After: 0 replaces the backoff, so the four attempts are instant.
        server.Fake.Faults.RespondWithStatus(HttpStatusCode.InternalServerError, retryAfter: TimeSpan.Zero, times: 10);

        var result = await server.RunAsync("events", "list", "--project", "p");

        Assert.True(result.ExitCode == 7, result.ToString());
        Assert.Contains("500", result.Error, StringComparison.Ordinal);
        Assert.Equal(4, server.Fake.Requests.Count);
        Assert.Equal("", result.Data);
    }

    [Fact]
    public async Task Html_502_after_retries_exits_7()
    {
        await using var server = await CliServer.StartAsync();
        // No Retry-After here: the real backoff (full jitter below 0.5 s, 1 s, 2 s) applies, 3.5 s at most.
        server.Fake.Faults.HtmlBadGateway(times: 10);
        var clock = Stopwatch.StartNew();

        var result = await server.RunAsync("events", "export", "--project", "p");

        Assert.True(result.ExitCode == 7, result.ToString());
        Assert.Contains("502", result.Error, StringComparison.Ordinal);
        // The HTML page is quoted, but on the one line every failure gets.
        Assert.Equal(1, result.Error.Count(c => c == '\n'));
        Assert.Contains("<title>502 Bad Gateway</title>", result.Error, StringComparison.Ordinal);
        Assert.Equal(4, server.Fake.Requests.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_502_that_recovers_is_retried_to_success()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);
        server.Fake.Faults.RespondWithStatus(HttpStatusCode.BadGateway, retryAfter: TimeSpan.Zero, times: 2);

        var result = await server.RunAsync("events", "list", "--project", SeedEvents.Project);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(SeedEvents.Ids, Jsonl.Ids(result.JsonLines));
        Assert.Equal(3, server.Fake.Requests.Count);
    }
}
