using System.Xml;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Kiota.Tests.Serialization;

/// <summary>
/// <see cref="IsoDuration"/> reads and writes durations exactly as <see cref="XmlConvert"/> (Kiota's own choice for
/// <see cref="TimeSpan"/>) does: compared value by value, both ways, on edge cases and on seeded random inputs.
/// </summary>
public sealed class DurationConformanceTests
{
    private static readonly TimeSpan[] Edges =
    [
        TimeSpan.Zero, TimeSpan.MaxValue, TimeSpan.MinValue, new(1), new(-1), TimeSpan.FromDays(1), TimeSpan.FromDays(-1),
        TimeSpan.FromDays(365), TimeSpan.FromDays(400), TimeSpan.FromHours(25), TimeSpan.FromMinutes(61), TimeSpan.FromSeconds(59.5),
        TimeSpan.FromMilliseconds(1), new(10_000_001), new(TimeSpan.TicksPerDay + 1), new(TimeSpan.MaxValue.Ticks - 1), new(TimeSpan.MinValue.Ticks + 1),
    ];

    // Strings XmlConvert reads or refuses for a reason worth pinning; the fuzz below finds the rest.
    private static readonly string[] Texts =
    [
        "P1Y2M3DT4H5M6.7S", "PT.5S", "PT0.000000001S", "PT0.0000000009S", "PT1.12345678912345S", "P1Y", "P13M", "P1M", "-P1D",
        " PT1S ", "\tP1D\n", "P", "PT", "-P", "P1DT", "PT1D", "P1H", "PT1Y", "P1M1Y", "PT1S1M", "P-1D", "P1.5D", "PT1.S", "PT.S",
        "PT1.5M", "P+1D", "p1d", "P1d", "P2147483647D", "P2147483648D", "P10675199DT2H48M5.4775807S", "P10675199DT2H48M5.4775808S",
        "-P10675199DT2H48M5.4775808S", "-P10675199DT2H48M5.4775809S", "P99999999Y", "P1D1D", "PT1H1H", "P0D", "PT0S", "PT00001S",
        "", " ", "PT1S x", "1D", "-", "--P1D", "P1DT1H2M3S", "PT0.5S0", "PT1,5S",
    ];

    public static TheoryData<string> Strings => new(Texts);

    [Fact]
    public void Every_edge_and_100_000_seeded_durations_are_written_as_XmlConvert_writes_them()
    {
        var random = new Random(20261205);
        var values = Edges.Concat(Enumerable.Range(0, 100_000).Select(i => new TimeSpan(Scale(random, i))));

        var differences = values.Where(v => IsoDuration.Format(v) != XmlConvert.ToString(v)).Take(5).ToList();

        Assert.True(differences.Count == 0, string.Join("; ", differences.Select(v => $"{v.Ticks}: ours {IsoDuration.Format(v)}, XmlConvert {XmlConvert.ToString(v)}")));
    }

    [Fact]
    public void What_is_written_is_read_back_to_the_same_tick()
    {
        var random = new Random(7);
        foreach (var value in Edges.Concat(Enumerable.Range(0, 20_000).Select(i => new TimeSpan(Scale(random, i)))))
        {
            Assert.True(IsoDuration.TryParse(IsoDuration.Format(value), out var read));
            Assert.Equal(value, read);
        }
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void A_string_is_read_as_XmlConvert_reads_it_or_refused_where_it_throws(string text) => AssertSameReading(text);

    [Fact]
    public void Two_hundred_thousand_seeded_strings_of_duration_characters_are_read_as_XmlConvert_reads_them()
    {
        const string alphabet = "PPPPTTTYMDHMS..-0123456789 ";
        var random = new Random(42);
        var disagreements = new List<string>();
        var accepted = 0;
        for (var i = 0; i < 200_000 && disagreements.Count < 5; i++)
        {
            // Half shapeless, half well-formed with one character sometimes changed: both refusals and readings.
            var text = i % 2 == 0
                ? new string(Enumerable.Range(0, random.Next(1, 14)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray())
                : Mutate(random, WellFormed(random), alphabet);

            var expected = XmlRead(text);
            var ours = IsoDuration.TryParse(text, out var value) ? value : (TimeSpan?)null;
            accepted += expected is null ? 0 : 1;
            if (expected != ours)
            {
                disagreements.Add($"'{text}': ours {ours?.Ticks.ToString() ?? "refused"}, XmlConvert {expected?.Ticks.ToString() ?? "refused"}");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("; ", disagreements));
        // The comparison is only worth something if many strings are accepted as well as refused.
        Assert.InRange(accepted, 5_000, 195_000);
    }

    private static string WellFormed(Random random)
    {
        string Part(char designator) => random.Next(3) == 0 ? random.NextInt64(0, (long)Math.Pow(10, random.Next(1, 12))) + designator.ToString() : "";
        var date = Part('Y') + Part('M') + Part('D');
        var seconds = random.Next(3) == 0 ? random.Next(100) + (random.Next(2) == 0 ? "." + random.NextInt64(0, (long)Math.Pow(10, random.Next(0, 16))) : "") + "S" : "";
        var time = Part('H') + Part('M') + seconds;
        return (random.Next(4) == 0 ? "-" : "") + "P" + date + (time.Length > 0 || random.Next(10) == 0 ? "T" + time : "");
    }

    private static string Mutate(Random random, string text, string alphabet)
    {
        if (random.Next(3) != 0 || text.Length == 0)
        {
            return text;
        }

        var at = random.Next(text.Length);
        return text[..at] + alphabet[random.Next(alphabet.Length)] + text[(at + 1)..];
    }

    private static void AssertSameReading(string text)
    {
        var expected = XmlRead(text);
        var read = IsoDuration.TryParse(text, out var value);

        Assert.Equal(expected is not null, read);
        if (expected is { } duration)
        {
            Assert.Equal(duration, value);
        }
    }

    private static TimeSpan? XmlRead(string text)
    {
        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    // Ticks spread over every magnitude, so short durations (no days, fractions only) are as common as long ones.
    private static long Scale(Random random, int i)
    {
        var magnitude = random.NextInt64(0, (long)Math.Pow(10, i % 19));
        return i % 2 == 0 ? magnitude : -magnitude;
    }
}
