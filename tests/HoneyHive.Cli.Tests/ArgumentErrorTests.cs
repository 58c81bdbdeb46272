namespace HoneyHive.Cli.Tests;

/// <summary>Command lines rejected before any request is sent.</summary>
public sealed class ArgumentErrorTests
{
    [Fact]
    public async Task No_api_key_is_a_usage_error()
    {
        await using var server = await CliServer.StartAsync();

        var result = await server.RunWithoutKeyAsync("events", "list", "--project", "p");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no API key: set HH_API_KEY or pass --api-key", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Fake.Requests);
    }

    [Fact]
    public async Task Api_key_flag_works_without_the_environment()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);

        var result = await server.RunWithoutKeyAsync("events", "list", "--project", SeedEvents.Project, "--api-key", CliServer.ApiKey);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(SeedEvents.Ids, Jsonl.Ids(result.JsonLines));
        Assert.Equal($"Bearer {CliServer.ApiKey}", server.Fake.Requests[0].Header("Authorization"));
    }

    [Theory]
    [InlineData("unknown option --colour", "events", "list", "--project", "p", "--colour", "red")]
    [InlineData("unknown option --batch-size", "events", "list", "--project", "p", "--batch-size", "2")]
    [InlineData("--max needs a value", "events", "export", "--project", "p", "--max")]
    [InlineData("--page-size must be a whole number from 1 to 7500, not '0'", "events", "list", "--project", "p", "--page-size", "0")]
    [InlineData("--page-size must be a whole number from 1 to 7500, not '9000'", "events", "list", "--project", "p", "--page-size", "9000")]
    [InlineData("--max must be a whole number from 1 to", "events", "list", "--project", "p", "--max", "ten")]
    [InlineData("--parallel must be a whole number from 1 to 16, not '0'", "events", "export", "--project", "p", "--parallel", "0")]
    [InlineData("--parallel must be a whole number from 1 to 16, not 'x'", "events", "export", "--project", "p", "--parallel", "x")]
    [InlineData("--parallel must be a whole number from 1 to 16, not '17'", "events", "export", "--project", "p", "--parallel", "17")]
    [InlineData("--parallel must be a whole number from 1 to 16, not '-1'", "events", "export", "--project", "p", "--parallel=-1")]
    [InlineData("--parallel must be a whole number from 1 to 16, not '0'", "events", "list", "--project", "p", "--parallel", "0")]
    [InlineData("--parallel needs a value", "events", "export", "--project", "p", "--parallel")]
    [InlineData("--parallel may be given once", "events", "list", "--project", "p", "--parallel", "2", "--parallel", "3")]
    [InlineData("unknown option --parallel", "events", "send", "x.jsonl", "--parallel", "2")]
    [InlineData("--project is required", "events", "list")]
    [InlineData("--project may be given once", "events", "list", "--project", "a", "--project", "b")]
    [InlineData("--from must be an ISO-8601 date-time", "events", "list", "--project", "p", "--from", "yesterday")]
    [InlineData("--from must not be later than --to", "events", "list", "--project", "p", "--from", "2024-05-02", "--to", "2024-05-01")]
    [InlineData("--single-session takes no value", "events", "send", "x.jsonl", "--single-session=yes")]
    [InlineData("events send takes one FILE.jsonl", "events", "send")]
    [InlineData("unexpected argument 'extra'", "events", "list", "extra", "--project", "p")]
    [InlineData("unknown option --single-session", "events", "export", "--project", "p", "--single-session")]
    [InlineData("unknown option --verbose", "events", "list", "--project", "p", "--verbose")]
    [InlineData("unknown option --dry-run", "events", "send", "x.jsonl", "--dry-run")]
    public async Task Bad_command_lines_exit_2_and_say_why(string message, params string[] args)
    {
        await using var server = await CliServer.StartAsync();

        var result = await server.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("hh: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains("(see 'hh --help')", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Data);
        Assert.Empty(server.Fake.Requests);
    }

    [Fact]
    public async Task A_base_url_that_is_not_http_is_a_usage_error()
    {
        var result = await Hh.RunWithVariablesAsync(new Dictionary<string, string> { ["HH_API_KEY"] = "k" },
            "events", "list", "--project", "p", "--base-url", "ftp://example.com");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("hh: --base-url must be an absolute https URL, not 'ftp://example.com'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_to_a_remote_host_is_refused_before_the_key_is_sent()
    {
        const string key = "remote-key-4b7f";
        var result = await Hh.RunWithVariablesAsync(new Dictionary<string, string> { ["HH_API_KEY"] = key },
            "events", "list", "--project", "p", "--base-url", "http://example.com");

        Assert.Equal(2, result.ExitCode);
        // In the CLI's words: the option typed, not the library's setting.
        Assert.StartsWith("hh: --base-url must use https (plain http is only allowed for localhost", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("HoneyHiveClientOptions", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(key, result.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_from_the_environment_is_named_as_such()
    {
        var result = await Hh.RunWithVariablesAsync(new Dictionary<string, string> { ["HH_API_KEY"] = "k", ["HH_API_URL"] = "http://example.com" },
            "events", "list", "--project", "p");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("hh: HH_API_URL must use https", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metadata.cost greater than cheap:number")]
    [InlineData("event_type model")]
    [InlineData("")]
    public async Task Bad_filter_expression_exits_3(string filter)
    {
        await using var server = await CliServer.StartAsync();

        var result = await server.RunAsync("events", "export", "--project", "p", "--filter", filter);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("Invalid filter", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Fake.Requests);
    }
}
