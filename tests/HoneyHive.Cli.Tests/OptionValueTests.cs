namespace HoneyHive.Cli.Tests;

/// <summary>An option whose value was forgotten must not swallow the next option as its value.</summary>
public sealed class OptionValueTests
{
    [Fact]
    public async Task A_forgotten_value_is_reported_not_filled_with_the_next_option()
    {
        await using var server = await CliServer.StartAsync();

        var result = await server.RunAsync("events", "list", "--project", "--filter", "event_type is model");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--project needs a value", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Fake.Requests);
    }

    [Fact]
    public async Task Failed_without_a_path_does_not_eat_the_single_session_flag()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("events.jsonl", EventFiles.Lines("v-1"));

        // Before the fix this sent the batch without is_single_session and named the failed file "--single-session".
        var result = await server.RunAsync("events", "send", input, "--failed", "--single-session");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--failed needs a value", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Fake.Requests);
    }

    [Fact]
    public async Task A_value_starting_with_dashes_can_be_given_with_equals()
    {
        await using var server = await CliServer.StartAsync();
        server.Fake.AddEventsJson("""[{"event_id":"dash-1","project":"--odd project"}]""");

        var result = await server.RunAsync("events", "list", "--project=--odd project");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["dash-1"], Jsonl.Ids(result.JsonLines));
    }

    [Fact]
    public async Task Negative_looking_values_are_still_values()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);

        var result = await server.RunAsync("events", "list", "--project", SeedEvents.Project, "--filter", "metadata.rank greater than -1:number", "--max", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["e-1"], Jsonl.Ids(result.JsonLines));
    }
}
