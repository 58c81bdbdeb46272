namespace HoneyHive.Cli.Tests;

public sealed class DemoCommandTests
{
    private const string TableHeader = "event_type    events   avg duration (ms)   total cost ($)";

    [Fact]
    public async Task Demo_checks_its_own_figures_and_prints_the_table()
    {
        // No key, no URL: the demo brings its own in-memory HoneyHive.
        var result = await Hh.RunAsync("demo");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("demo: OK", result.Out, StringComparison.Ordinal);
        Assert.Contains(TableHeader, result.Out, StringComparison.Ordinal);
        Assert.Contains("in chunks of 500: 2,001 created, 0 failed", result.Out, StringComparison.Ordinal);
        Assert.Contains("3. export: all 2,001 events in 9 pages of up to 250, by type:", result.Out, StringComparison.Ordinal);
        Assert.Equal("", result.ErrorBesidesProgress);
    }

    [Fact]
    public async Task Demo_with_50_events()
    {
        var result = await Hh.RunAsync("demo", "--events", "50");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("demo: OK", result.Out, StringComparison.Ordinal);
        Assert.Contains(TableHeader, result.Out, StringComparison.Ordinal);
        Assert.Contains("sent 51 events (the seed page's batch + 50 generated)", result.Out, StringComparison.Ordinal);
        Assert.Contains("3. export: all 51 events in 1 page of up to 250", result.Out, StringComparison.Ordinal);
        var rows = TableRows(result.Out);
        Assert.Equal(["chain", "model", "tool"], rows.Select(r => r[0]));
        Assert.Equal(51, rows.Sum(r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("--events", "0")]
    [InlineData("--events", "many")]
    [InlineData("--project", "p")]
    public async Task Demo_rejects_bad_arguments(params string[] args)
    {
        var result = await Hh.RunAsync(["demo", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(args[0], result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("demo: OK", result.Out, StringComparison.Ordinal);
    }

    private static List<string[]> TableRows(string output)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.FindIndex(l => l.Contains(TableHeader, StringComparison.Ordinal));
        return lines.Skip(header + 1).TakeWhile(l => l.Trim().Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
    }
}
