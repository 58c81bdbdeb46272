namespace HoneyHive.Cli.Tests;

public sealed class UsageTests
{
    [Fact]
    public async Task Help_prints_usage_and_succeeds()
    {
        var result = await Hh.RunAsync("--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("hh events list", result.Out, StringComparison.Ordinal);
        Assert.Contains("hh events send FILE.jsonl", result.Out, StringComparison.Ordinal);
        Assert.Contains("[--page-size N] [--max N] [--parallel N] [--output FILE]", result.Out, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", result.Out, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("-h")]
    [InlineData("events", "--help")]
    public async Task Help_without_a_command_shows_every_command(params string[] args)
    {
        var result = await Hh.RunAsync(args);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("hh demo", result.Out, StringComparison.Ordinal);
        Assert.Contains("hh events send FILE.jsonl", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--page-size N       events per request, 1 to 7500 (default 1000)", "events", "list", "--help")]
    [InlineData("--projection FIELD  export only", "events", "export", "-h")]
    [InlineData("--parallel N        pages requested at once, 1 to 16 (default 1)", "events", "export", "--help")]
    [InlineData("--batch-size N        events per request (default 500)", "events", "send", "--help")]
    [InlineData("--max-batch-bytes N   the largest request, in bytes of JSON", "events", "send", "--help")]
    [InlineData("--failed FILE         where events that were not created are written", "help", "events", "send")]
    [InlineData("--events N   generated events to send, 1 to 100000 (default 2000)", "demo", "--help")]
    public async Task A_commands_help_explains_its_options(string line, params string[] args)
    {
        var result = await Hh.RunAsync(args);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(line, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Exit codes: 0 ok", result.Out, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task The_network_commands_help_names_the_connection_options()
    {
        var result = await Hh.RunAsync("events", "list", "--help");

        Assert.Contains("--api-key KEY       the HoneyHive API key (default: HH_API_KEY; never echoed)", result.Out, StringComparison.Ordinal);
        Assert.Contains("--base-url URL", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_trailing_flag_is_an_unknown_option()
    {
        var result = await Hh.RunAsync("demo", "--fast");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("hh: unknown option --fast (see 'hh --help')", result.Error.Trim());
    }

    [Fact]
    public async Task Version_prints_the_packages_version()
    {
        var result = await Hh.RunAsync("--version");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^hh 0\.2\.0(-[0-9A-Za-z.-]+)?\r?\n$", result.Out);
    }

    [Fact]
    public async Task No_arguments_is_a_usage_error_that_shows_the_usage()
    {
        var result = await Hh.RunAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("hh events list", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Options_without_a_command_are_a_usage_error()
    {
        var result = await Hh.RunAsync("--project", "p");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Exit codes:", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Unknown_command_is_a_usage_error()
    {
        var result = await Hh.RunAsync("events", "delete", "--project", "p");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("hh: unknown command 'events delete': list, export or send", result.Error, StringComparison.Ordinal);
    }
}
