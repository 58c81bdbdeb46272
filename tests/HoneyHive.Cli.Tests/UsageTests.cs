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
        Assert.Contains("Exit codes:", result.Out, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("events", "list", "--help")]
    public async Task Help_anywhere_succeeds(params string[] args)
    {
        var result = await Hh.RunAsync(args);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("hh demo", result.Out, StringComparison.Ordinal);
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
        Assert.Equal("hh: unknown command 'events delete' (see 'hh --help')", result.Error.Trim());
    }
}
