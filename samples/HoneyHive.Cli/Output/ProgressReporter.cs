using System.Diagnostics;
using System.Globalization;

namespace HoneyHive.Cli.Output;

/// <summary>
/// Progress of a long run on standard error, at most once a second: rewritten in place on a terminal,
/// one plain line per report otherwise (a log file or CI output), so standard output stays pure data.
/// </summary>
internal sealed class ProgressReporter(TextWriter error, string verb, bool inPlace, Func<TimeSpan>? clock = null)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Func<TimeSpan> _elapsed = clock ?? StartClock();
    private TimeSpan _lastReport = TimeSpan.Zero;
    private (long Done, long? Total)? _lastFigures;
    private bool _reported;
    private int _width;

    /// <summary>Reports, unless the last report was less than a second ago (or the run is younger than that).</summary>
    public void Report(long done, long? total)
    {
        var elapsed = _elapsed();
        if (elapsed - _lastReport < Interval)
        {
            return;
        }

        _lastReport = elapsed;
        _lastFigures = (done, total);
        Write(Line(done, total, elapsed), final: false);
    }

    /// <summary>The last figures, when anything was reported (a run too short to report stays quiet).</summary>
    public void Finish(long done, long? total)
    {
        if (!_reported)
        {
            return;
        }

        if (_lastFigures == (done, total))
        {
            // The last report already said it: a log gets it once; a terminal's line is ended as it stands.
            if (inPlace)
            {
                error.WriteLine();
                error.Flush();
            }

            return;
        }

        Write(Line(done, total, _elapsed()), final: true);
    }

    private void Write(string line, bool final)
    {
        _reported = true;
        if (!inPlace)
        {
            error.WriteLine(line);
            return;
        }

        // Back to the start of the line, over the previous report; the last one ends the line.
        error.Write('\r' + line.PadRight(_width));
        _width = line.Length;
        if (final)
        {
            error.WriteLine();
        }

        error.Flush();
    }

    private static Func<TimeSpan> StartClock()
    {
        var watch = Stopwatch.StartNew();
        return () => watch.Elapsed;
    }

    private string Line(long done, long? total, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var of = total is { } t ? string.Create(CultureInfo.InvariantCulture, $" / {t:N0}") : "";
        var events = (total ?? done) == 1 ? "event" : "events";
        return string.Create(CultureInfo.InvariantCulture, $"{verb} {done:N0}{of} {events} ({rate:N0}/s)");
    }
}
