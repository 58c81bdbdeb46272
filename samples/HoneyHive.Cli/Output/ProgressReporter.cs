using System.Diagnostics;
using System.Globalization;

namespace HoneyHive.Cli.Output;

/// <summary>Progress on stderr for long runs: silent for the first second, then at most once a second,
/// so short commands and pipelines stay quiet.</summary>
internal sealed class ProgressReporter(TextWriter error, string verb)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastReport = TimeSpan.FromSeconds(1);
    private bool _reported;

    public void Report(long done, long? total)
    {
        var elapsed = _clock.Elapsed;
        if (elapsed - _lastReport < TimeSpan.FromSeconds(1))
        {
            return;
        }

        _lastReport = elapsed;
        _reported = true;
        error.WriteLine(Line(done, total, elapsed));
    }

    public void Finish(long done, long? total)
    {
        if (_reported)
        {
            error.WriteLine(Line(done, total, _clock.Elapsed));
        }
    }

    private string Line(long done, long? total, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var of = total is { } t ? string.Create(CultureInfo.InvariantCulture, $" / {t:N0}") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{verb} {done:N0}{of} events ({rate:N0}/s)");
    }
}
