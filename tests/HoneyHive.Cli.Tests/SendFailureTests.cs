namespace HoneyHive.Cli.Tests;

public sealed class SendFailureTests
{
    [Fact]
    public async Task Partial_failure_writes_exactly_the_failed_events_to_the_failed_file()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("events.jsonl", EventFiles.Lines(EventFiles.Ids("p", 5)));
        var failedPath = temp.File("retry-me.jsonl");
        server.Fake.Faults.FailBatchEventIds("p-2", "p-4");

        var result = await server.RunAsync("events", "send", input, "--failed", failedPath);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("5 events: 3 created, 2 failed", result.Out.Trim());
        Assert.Contains("failed p-2", result.Error, StringComparison.Ordinal);
        Assert.Contains("failed p-4", result.Error, StringComparison.Ordinal);
        Assert.Contains($"failed events written to {failedPath}", result.Error, StringComparison.Ordinal);
        Assert.Equal(["p-1", "p-3", "p-5"], server.Fake.Events.Select(e => (string?)e["event_id"]));

        var failed = Jsonl.ReadFile(failedPath);
        Assert.Equal(["p-2", "p-4"], Jsonl.Ids(failed));
        Assert.Equal("sent p-4", Jsonl.String(failed[1], "event_name"));
        Assert.Equal(EventFiles.Project, Jsonl.String(failed[1], "project"));
        Assert.Equal("q p-4", failed[1].GetProperty("inputs").GetProperty("question").GetString());
    }

    [Fact]
    public async Task Failed_events_go_next_to_the_input_by_default()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("events.jsonl", EventFiles.Lines(EventFiles.Ids("d", 3)));
        server.Fake.Faults.FailBatchEventsAt(0);

        var result = await server.RunAsync("events", "send", input);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("3 events: 2 created, 1 failed", result.Out.Trim());
        var defaultPath = temp.File("events.failed.jsonl");
        Assert.Contains($"failed events written to {defaultPath}", result.Error, StringComparison.Ordinal);
        Assert.Equal(["d-1"], Jsonl.Ids(Jsonl.ReadFile(defaultPath)));
    }

    [Fact]
    public async Task Resending_the_failed_file_creates_the_rest()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("events.jsonl", EventFiles.Lines(EventFiles.Ids("r", 4)));
        server.Fake.Faults.FailBatchEventIds("r-1", "r-3");

        var first = await server.RunAsync("events", "send", input);
        var second = await server.RunAsync("events", "send", temp.File("events.failed.jsonl"));

        Assert.True(first.ExitCode == 1, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("2 events: 2 created, 0 failed", second.Out.Trim());
        Assert.Equal(["r-1", "r-2", "r-3", "r-4"], server.Fake.Events.Select(e => (string?)e["event_id"]).Order());
    }

    [Fact]
    public async Task Split_batches_report_only_the_events_that_failed()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("events.jsonl", EventFiles.Lines(EventFiles.Ids("k", 6)));
        var failedPath = temp.File("failed.jsonl");
        server.Fake.Faults.FailBatchEvents((e, _) => (string?)e["event_id"] == "k-3", times: 3);

        var result = await server.RunAsync("events", "send", input, "--batch-size", "2", "--failed", failedPath);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("6 events: 5 created, 1 failed", result.Out.Trim());
        Assert.Equal(3, server.Fake.Requests.Count);
        Assert.Equal(["k-3"], Jsonl.Ids(Jsonl.ReadFile(failedPath)));
        Assert.Equal(["k-1", "k-2", "k-4", "k-5", "k-6"], server.Fake.Events.Select(e => (string?)e["event_id"]));
    }

    [Fact]
    public async Task A_rejected_chunk_fails_all_its_events_and_the_rest_are_sent()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("events.jsonl", EventFiles.Lines(EventFiles.Ids("w", 5)));
        var failedPath = temp.File("failed.jsonl");
        server.Fake.Faults.RespondWithStatus(System.Net.HttpStatusCode.BadRequest, path: "/events/batch");

        var result = await server.RunAsync("events", "send", input, "--batch-size", "2", "--failed", failedPath);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("5 events: 3 created, 2 failed", result.Out.Trim());
        Assert.Equal(["w-1", "w-2"], Jsonl.Ids(Jsonl.ReadFile(failedPath)));
        Assert.Equal(["w-3", "w-4", "w-5"], server.Fake.Events.Select(e => (string?)e["event_id"]));
    }

    [Fact]
    public async Task Every_event_refused_one_by_one_is_still_exit_1()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("events.jsonl", EventFiles.Lines("all-1", "all-2"));
        server.Fake.Faults.FailBatchEventsAt(0, 1);

        var result = await server.RunAsync("events", "send", input);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("2 events: 0 created, 2 failed", result.Out.Trim());
        Assert.Equal(["all-1", "all-2"], Jsonl.Ids(Jsonl.ReadFile(temp.File("events.failed.jsonl"))));
    }

    [Fact]
    public async Task Nothing_sent_because_the_api_is_down_exits_7()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("events.jsonl", EventFiles.Lines("down-1", "down-2"));
        // Every event has an id, so the batch is safe to retry: one attempt and three retries,
        // made instant by Retry-After: 0.
        server.Fake.Faults.RespondWithStatus(System.Net.HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.Zero, times: 10);

        var result = await server.RunAsync("events", "send", input);

        Assert.True(result.ExitCode == 7, result.ToString());
        Assert.Equal("2 events: 0 created, 2 failed", result.Out.Trim());
        Assert.Equal(4, server.Fake.Requests.Count);
        Assert.Equal(["down-1", "down-2"], Jsonl.Ids(Jsonl.ReadFile(temp.File("events.failed.jsonl"))));
    }

    [Fact]
    public async Task Each_failed_event_is_reported_on_one_line()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("events.jsonl", EventFiles.Lines("ml-1", "ml-2", "ml-3"));
        server.Fake.Faults.RespondWithStatus(System.Net.HttpStatusCode.BadRequest, jsonBody: "{\n  \"error\": \"bad batch\"\n}\n", path: "/events/batch");

        var result = await server.RunAsync("events", "send", input, "--batch-size", "2");

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("failed ml-1: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"error\": \"bad batch\" }", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("failed ml-2: ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("failed events written to ", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_json_line_is_a_file_error_naming_the_line()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("events.jsonl", EventFiles.Line("j-1") + "\n" + EventFiles.Line("j-2") + "\n{\"event_id\": \"j-3\",\n");

        var result = await server.RunAsync("events", "send", input);

        Assert.Equal(4, result.ExitCode);
        Assert.Equal($"hh: {input}:3: not valid JSON at byte 19", result.Error.Trim());
        Assert.Equal("", result.Out);
        Assert.Empty(server.Fake.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n\n")]
    public async Task An_empty_file_says_it_holds_no_events(string content)
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("empty.jsonl", content);

        var result = await server.RunAsync("events", "send", input);

        Assert.Equal(4, result.ExitCode);
        Assert.Equal($"hh: {input} holds no events (expected one JSON object per line)", result.Error.Trim());
        Assert.Empty(server.Fake.Requests);
    }

    [Fact]
    public async Task A_line_that_is_not_an_object_is_a_file_error()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("events.jsonl", EventFiles.Line("o-1") + "\n[1, 2]\n");

        var result = await server.RunAsync("events", "send", input);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains($"{input}:2: expected a JSON object per line", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Fake.Requests);
    }

    [Fact]
    public async Task Missing_file_is_a_file_error()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.File("nope.jsonl");

        var result = await server.RunAsync("events", "send", input);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains($"cannot read '{input}': no such file", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Fake.Requests);
    }
}
