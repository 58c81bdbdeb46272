using HoneyHive.Cli.Output;

namespace HoneyHive.Cli.Tests;

/// <summary>Progress lines: plain lines for logs, one line rewritten in place on a terminal.</summary>
public sealed class ProgressReporterTests
{
    [Fact]
    public void Without_a_terminal_each_report_is_a_line_at_most_once_a_second()
    {
        var now = TimeSpan.Zero;
        using var error = new StringWriter();
        var progress = new ProgressReporter(error, "sent", inPlace: false, () => now);

        now = TimeSpan.FromSeconds(0.5);
        progress.Report(100, 1000);
        now = TimeSpan.FromSeconds(1);
        progress.Report(200, 1000);
        now = TimeSpan.FromSeconds(1.5);
        progress.Report(300, 1000);
        now = TimeSpan.FromSeconds(2);
        progress.Finish(1000, 1000);

        Assert.Equal(["sent 200 / 1,000 events (200/s)", "sent 1,000 / 1,000 events (500/s)"], error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void On_a_terminal_the_line_is_rewritten_in_place_and_ended_once()
    {
        var now = TimeSpan.Zero;
        using var error = new StringWriter();
        var progress = new ProgressReporter(error, "exported", inPlace: true, () => now);

        now = TimeSpan.FromSeconds(1);
        progress.Report(12_000, null);
        now = TimeSpan.FromSeconds(2);
        progress.Report(900, null);
        progress.Finish(900, null);

        // The last report already holds the final figures: the line is ended, not written again.
        Assert.Equal(
            "\rexported 12,000 events (12,000/s)" + "\rexported 900 events (450/s)" + new string(' ', 6) + Environment.NewLine,
            error.ToString());
    }

    [Fact]
    public void Without_a_terminal_the_final_figures_are_written_once()
    {
        var now = TimeSpan.Zero;
        using var error = new StringWriter();
        var progress = new ProgressReporter(error, "exported", inPlace: false, () => now);

        now = TimeSpan.FromSeconds(1);
        progress.Report(500, 1000);
        now = TimeSpan.FromSeconds(2);
        progress.Report(1000, 1000);
        now = TimeSpan.FromSeconds(2.1);
        progress.Finish(1000, 1000);

        Assert.Equal(["exported 500 / 1,000 events (500/s)", "exported 1,000 / 1,000 events (500/s)"], error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void One_event_is_singular()
    {
        var now = TimeSpan.Zero;
        using var error = new StringWriter();
        var progress = new ProgressReporter(error, "sent", inPlace: false, () => now);

        now = TimeSpan.FromSeconds(1);
        progress.Report(1, 1);

        Assert.Equal("sent 1 / 1 event (1/s)" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public void A_run_too_short_to_report_stays_quiet()
    {
        using var error = new StringWriter();
        var progress = new ProgressReporter(error, "sent", inPlace: false, () => TimeSpan.FromMilliseconds(300));

        progress.Report(10, 10);
        progress.Finish(10, 10);

        Assert.Equal("", error.ToString());
    }
}
