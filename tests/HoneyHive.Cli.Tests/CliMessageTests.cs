using System.Text.Json.Nodes;

namespace HoneyHive.Cli.Tests;

/// <summary>Messages that say what happened: unknown filter types, which key was refused, events too large to
/// send, plurals, folders, the events commands, export-only options and the help's layout.</summary>
public sealed class CliMessageTests
{
    private const string WrongKey = "wrong-key-SECRET-0000";

    [Fact]
    public async Task An_unknown_filter_type_is_a_filter_error_listing_the_types()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);

        var result = await server.RunAsync("events", "list", "--project", SeedEvents.Project, "--filter", "metadata.cost greater than 0.09:float");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("\":float\" is not a type (the types are string, number, boolean, id;", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Fake.Requests);
        Assert.Equal("", result.Data);
    }

    [Fact]
    public async Task The_help_says_an_unknown_type_is_an_error()
    {
        var result = await Hh.RunAsync("--help");

        Assert.Contains("(any other \":word\" at the end, such as \":float\", is an error; end a string value with \":string\" to keep one)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_key_from_the_option_names_the_option()
    {
        await using var server = await CliServer.StartAsync();

        var result = await Hh.RunWithVariablesAsync(new Dictionary<string, string>(),
            "events", "list", "--project", SeedEvents.Project, "--api-key", WrongKey, "--base-url", server.BaseUrl);

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.StartsWith("hh: authentication failed: HoneyHive answered 401 to GET /events. Check the API key given with --api-key and that it has access to the project.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("HH_API_KEY", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey, result.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_key_from_the_environment_names_the_variable()
    {
        await using var server = await CliServer.StartAsync();

        var result = await Hh.RunWithVariablesAsync(new Dictionary<string, string> { ["HH_API_KEY"] = WrongKey },
            "events", "export", "--project", SeedEvents.Project, "--base-url", server.BaseUrl);

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("Check the API key given with HH_API_KEY and that it has access to the project.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("--api-key", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey, result.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_key_on_send_names_where_it_came_from_for_each_event()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("events.jsonl", EventFiles.Lines("k-1"));

        var result = await Hh.RunWithVariablesAsync(new Dictionary<string, string>(),
            "events", "send", input, "--api-key", WrongKey, "--base-url", server.BaseUrl);

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Equal("1 event: 0 created, 1 failed", result.Out.Trim());
        Assert.Contains("failed k-1: authentication failed: HoneyHive answered 401 to POST /events/batch. Check the API key given with --api-key", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey, result.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_too_large_is_not_sent_goes_to_the_failed_file_and_exits_1()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var big = new JsonObject
        {
            ["event_id"] = "big-1",
            ["project"] = EventFiles.Project,
            ["event_type"] = "model",
            ["event_name"] = "huge",
            ["source"] = "cli-tests",
            ["inputs"] = new JsonObject { ["text"] = new string('x', 10 * 1024 * 1024) },
        }.ToJsonString();
        var input = temp.Write("big.jsonl", EventFiles.Line("small-1") + "\n" + big + "\n");
        var failed = temp.File("big.failed.jsonl");

        var result = await server.RunAsync("events", "send", input, "--failed", failed);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("2 events: 1 created, 1 failed (1 not sent: too large)", result.Out.Trim());
        Assert.Contains("failed big-1: not sent: too large: a batch request holding only this event is ", result.Error, StringComparison.Ordinal);
        Assert.Contains("over the 4,194,304-byte budget (--max-batch-bytes; HoneyHive refuses requests over 5 MB)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("BatchOptions", result.Error, StringComparison.Ordinal);
        Assert.Equal(["big-1"], Jsonl.Ids(Jsonl.ReadFile(failed)));
        // Only the small event went out.
        Assert.Equal(["small-1"], server.Fake.Events.Select(e => (string)e["event_id"]!));
    }

    [Fact]
    public async Task Only_a_too_large_event_is_still_exit_1_not_an_api_error()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var event2k = new JsonObject { ["event_id"] = "mid-1", ["project"] = EventFiles.Project, ["inputs"] = new JsonObject { ["text"] = new string('y', 2000) } };
        var input = temp.Write("one.jsonl", event2k.ToJsonString() + "\n");

        // A budget below the event's size: it cannot be sent on its own, and nothing else was to be sent.
        var result = await server.RunAsync("events", "send", input, "--max-batch-bytes", "1024", "--failed", temp.File("f.jsonl"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("1 event: 0 created, 1 failed (1 not sent: too large)", result.Out.Trim());
        Assert.Contains("over the 1,024-byte budget (--max-batch-bytes;", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Fake.Requests);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1023")]
    [InlineData("big")]
    public async Task Max_batch_bytes_below_the_minimum_is_a_usage_error(string value)
    {
        using var temp = new TempDirectory();
        var input = temp.Write("one.jsonl", EventFiles.Line("m-1") + "\n");

        var result = await Hh.RunWithVariablesAsync(new Dictionary<string, string> { ["HH_API_KEY"] = "k" }, "events", "send", input, "--max-batch-bytes", value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"--max-batch-bytes must be a whole number from 1024 to 2147483647, not '{value}'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_event_is_one_event()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("one.jsonl", EventFiles.Lines("one-1"));

        var result = await server.RunAsync("events", "send", input);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("1 event: 1 created, 0 failed", result.Out.Trim());
    }

    [Fact]
    public async Task Sending_a_folder_says_it_is_a_directory()
    {
        using var temp = new TempDirectory();

        var result = await Hh.RunWithVariablesAsync(new Dictionary<string, string> { ["HH_API_KEY"] = "k" }, "events", "send", temp.Path);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal($"hh: cannot read '{temp.Path}': is a directory", result.Error.Trim());
    }

    [Fact]
    public async Task Writing_into_a_folder_says_it_is_a_directory()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();

        var result = await server.RunAsync("events", "export", "--project", SeedEvents.Project, "--output", temp.Path);

        Assert.True(result.ExitCode == 4, result.ToString());
        Assert.Equal($"hh: cannot write '{temp.Path}': is a directory", result.Error.Trim());
    }

    [Fact]
    public async Task Events_alone_lists_its_commands()
    {
        var result = await Hh.RunAsync("events");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("hh: hh events needs a command: list, export or send", result.Error, StringComparison.Ordinal);
        Assert.Contains("hh events list   --project P", result.Error, StringComparison.Ordinal);
        Assert.Contains("hh events export", result.Error, StringComparison.Ordinal);
        Assert.Contains("hh events send FILE.jsonl", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown command", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_events_command_lists_the_commands()
    {
        var result = await Hh.RunAsync("events", "lsit", "--project", "p");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("hh: unknown command 'events lsit': list, export or send", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_projection_on_list_says_it_is_export_only()
    {
        var result = await Hh.RunWithVariablesAsync(new Dictionary<string, string> { ["HH_API_KEY"] = "k" },
            "events", "list", "--project", "p", "--projection", "event_id");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--projection is export-only (GET /events returns whole events): use hh events export", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown option", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_usage_lines_share_one_indentation()
    {
        var result = await Hh.RunAsync("--help");

        var lines = result.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("hh demo [--events N]", lines);
        Assert.Contains("hh events send FILE.jsonl [--batch-size N] [--max-batch-bytes N] [--single-session] [--failed FILE]", lines);
        Assert.All(lines.Where(l => l.TrimStart().StartsWith("hh ", StringComparison.Ordinal)), l => Assert.StartsWith("hh ", l, StringComparison.Ordinal));
    }
}
