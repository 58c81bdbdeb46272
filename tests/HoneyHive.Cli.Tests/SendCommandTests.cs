using System.Text.Json;

namespace HoneyHive.Cli.Tests;

public sealed class SendCommandTests
{
    [Fact]
    public async Task Creates_every_event_and_prints_a_summary()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var ids = EventFiles.Ids("s", 5);
        var input = temp.Write("events.jsonl", EventFiles.Lines(ids));

        var result = await server.RunAsync("events", "send", input);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("5 events: 5 created, 0 failed", result.Out.Trim());
        Assert.Equal("", result.ErrorBesidesProgress);
        Assert.Equal(ids, server.Fake.Events.Select(e => (string?)e["event_id"]));
        Assert.Equal("sent s-3", (string?)server.Fake.Events[2]["event_name"]);
        Assert.Equal(EventFiles.Project, (string?)server.Fake.Events[2]["project_id"]);
        Assert.False(File.Exists(temp.File("events.failed.jsonl")));
    }

    [Fact]
    public async Task Blank_lines_are_skipped()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("events.jsonl", "\n" + EventFiles.Line("b-1") + "\n\n   \n" + EventFiles.Line("b-2") + "\n");

        var result = await server.RunAsync("events", "send", input);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("2 events: 2 created, 0 failed", result.Out.Trim());
        Assert.Equal(["b-1", "b-2"], server.Fake.Events.Select(e => (string?)e["event_id"]));
    }

    [Fact]
    public async Task Batch_size_splits_the_requests()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var ids = EventFiles.Ids("c", 5);
        var input = temp.Write("events.jsonl", EventFiles.Lines(ids));

        var result = await server.RunAsync("events", "send", input, "--batch-size", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("5 events: 5 created, 0 failed", result.Out.Trim());
        var batches = server.Fake.Requests.Where(r => r.PathAndQuery == "/events/batch").ToList();
        Assert.Equal(3, batches.Count);
        Assert.Equal([2, 2, 1], batches.Select(b => Query.Body(b).GetProperty("events").GetArrayLength()));
        Assert.Equal(ids, server.Fake.Events.Select(e => (string?)e["event_id"]));
    }

    [Fact]
    public async Task Single_session_puts_every_event_in_one_session()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("events.jsonl", EventFiles.Lines(EventFiles.Ids("ss", 4)));

        var result = await server.RunAsync("events", "send", input, "--single-session", "--batch-size", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("4 events: 4 created, 0 failed", result.Out.Trim());
        var bodies = server.Fake.Requests.Select(Query.Body).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, b => Assert.Equal(JsonValueKind.True, b.GetProperty("is_single_session").ValueKind));
        var sessions = server.Fake.Events.Select(e => (string?)e["session_id"]).Distinct().ToList();
        Assert.NotNull(Assert.Single(sessions));
    }

    [Fact]
    public async Task Without_single_session_the_flag_is_not_sent_as_true()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("events.jsonl", EventFiles.Lines("n-1"));

        var result = await server.RunAsync("events", "send", input);

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = Query.Body(Assert.Single(server.Fake.Requests));
        Assert.False(body.TryGetProperty("is_single_session", out var flag) && flag.ValueKind == JsonValueKind.True);
    }
}
