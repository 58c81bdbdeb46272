using System.Net.Http.Headers;
using System.Text.Json;

namespace HoneyHive.LocalServer.Tests;

public sealed class LocalServerTests
{
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(Signals.Interrupt)]
    [InlineData(Signals.Terminate)]
    public async Task Serves_the_seeded_events_until_a_signal_then_exits_0_promptly(int signal)
    {
        using var server = LocalServerProcess.Start("--port", "0", "--events", "250", "--seed", "7");
        var url = await server.UrlAsync();

        using var http = new HttpClient { BaseAddress = new Uri(url + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "local-dev-key");
        using var response = await http.GetAsync("events?project=Simple%20RAG&filters=%5B%5D&limit=10");
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(response.IsSuccessStatusCode, page.RootElement.ToString());
        Assert.Equal(250, page.RootElement.GetProperty("totalEvents").GetInt32());

        Signals.Send(server.Id, signal);

        Assert.True(await server.ExitedWithinAsync(Promptly), "still running " + Promptly.TotalSeconds + " s after the signal:\n" + server.Output);
        Assert.Equal(0, server.ExitCode);
        Assert.Contains($"HoneyHive (in memory) at {url}: 250 events in project \"Simple RAG\" (seed 7)", server.Output, StringComparison.Ordinal);
        Assert.Contains("export HH_API_KEY=local-dev-key", server.Output, StringComparison.Ordinal);
        Assert.EndsWith("stopped" + Environment.NewLine, server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_events()
    {
        var first = await EventIdsAndCostsAsync("11");
        var second = await EventIdsAndCostsAsync("11");
        var other = await EventIdsAndCostsAsync("12");

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task A_bad_argument_exits_2_with_the_usage()
    {
        using var server = LocalServerProcess.Start("--events", "many");

        Assert.True(await server.ExitedWithinAsync(TimeSpan.FromSeconds(60)), server.Output);
        Assert.Equal(2, server.ExitCode);
        Assert.Contains("--events must be a whole number from 0 to 1000000, not 'many'", server.Output, StringComparison.Ordinal);
        Assert.Contains("--seed N", server.Output, StringComparison.Ordinal);
    }

    private static async Task<string> EventIdsAndCostsAsync(string seed)
    {
        using var server = LocalServerProcess.Start("--port", "0", "--events", "20", "--seed", seed);
        var url = await server.UrlAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url + "/events?project=Simple%20RAG&filters=%5B%5D&limit=20");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "local-dev-key");
        using var response = await http.SendAsync(request);
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Signals.Send(server.Id, Signals.Terminate);
        Assert.True(await server.ExitedWithinAsync(Promptly), server.Output);
        return string.Join(",", page.RootElement.GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("event_type").GetString() + ":" + (e.GetProperty("metadata").TryGetProperty("cost", out var cost) ? cost.GetRawText() : "-")));
    }
}
