using System.Globalization;

namespace HoneyHive.Kiota.Streaming;

/// <summary>What one mode measured in its own process; travels to the parent as one line of stdout.</summary>
internal sealed record RunResult(
    string Mode,
    long Events,
    int Pages,
    long StartWorkingSet,
    long PeakWorkingSet,
    bool PeakSinceReset,
    long SampledPeakWorkingSet,
    long PeakGcHeap,
    long PeakGcCommitted,
    double Seconds,
    string Checksum)
{
    private const string Prefix = "RESULT ";

    public string ToLine() => Prefix + string.Join(
        ' ',
        Mode,
        Events.ToString(CultureInfo.InvariantCulture),
        Pages.ToString(CultureInfo.InvariantCulture),
        StartWorkingSet.ToString(CultureInfo.InvariantCulture),
        PeakWorkingSet.ToString(CultureInfo.InvariantCulture),
        PeakSinceReset ? "reset" : "start",
        SampledPeakWorkingSet.ToString(CultureInfo.InvariantCulture),
        PeakGcHeap.ToString(CultureInfo.InvariantCulture),
        PeakGcCommitted.ToString(CultureInfo.InvariantCulture),
        Seconds.ToString("R", CultureInfo.InvariantCulture),
        Checksum);

    public static RunResult? TryParse(string line)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var f = line[Prefix.Length..].Split(' ');
        return new RunResult(
            f[0],
            long.Parse(f[1], CultureInfo.InvariantCulture),
            int.Parse(f[2], CultureInfo.InvariantCulture),
            long.Parse(f[3], CultureInfo.InvariantCulture),
            long.Parse(f[4], CultureInfo.InvariantCulture),
            f[5] == "reset",
            long.Parse(f[6], CultureInfo.InvariantCulture),
            long.Parse(f[7], CultureInfo.InvariantCulture),
            long.Parse(f[8], CultureInfo.InvariantCulture),
            double.Parse(f[9], CultureInfo.InvariantCulture),
            f[10]);
    }
}
