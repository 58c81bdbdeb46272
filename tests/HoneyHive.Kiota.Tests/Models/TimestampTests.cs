using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Tests.Models;

/// <summary>The conveniences added to Kiota's <see cref="Timestamp"/> wrapper.</summary>
public class TimestampTests
{
    private static readonly DateTimeOffset Instant = new(2024, 4, 1, 22, 38, 19, TimeSpan.Zero);

    [Fact]
    public void ADateTimeOffsetBecomesUnixMilliseconds()
    {
        Timestamp timestamp = Instant.AddMilliseconds(301);

        Assert.Equal(1712011099301, timestamp.Double);
        Assert.Null(timestamp.String);
        Assert.Equal(Instant.AddMilliseconds(301), timestamp.ToDateTimeOffset());
        Assert.Equal("1712011099301", timestamp.ToString());
    }

    [Theory]
    [InlineData("2024-04-01 22:38:19")]
    [InlineData("2024-04-01T22:38:19Z")]
    [InlineData("2024-04-02T00:38:19+02:00")]
    public void EveryStringFormReadsAsTheInstant(string text) =>
        Assert.Equal(Instant, new Timestamp { String = text }.ToDateTimeOffset());

    [Fact]
    public void TheServersFormIsUtcWhateverTheMachinesZone() =>
        Assert.Equal(TimeSpan.Zero, new Timestamp { String = "2024-04-01 22:38:19" }.ToDateTimeOffset()!.Value.Offset);

    [Theory]
    [InlineData(null, "yesterday")]
    [InlineData(1e300, null)]
    [InlineData(null, null)]
    public void AValueThatIsNoInstantReadsAsNullAndKeepsItsForm(double? milliseconds, string? text)
    {
        var timestamp = new Timestamp { Double = milliseconds, String = text };

        Assert.Null(timestamp.ToDateTimeOffset());
        Assert.Equal(milliseconds, timestamp.Double);
        Assert.Equal(text, timestamp.String);
    }

    [Fact]
    public void TimestampsAreEqualWhenTheyDenoteTheSameInstant()
    {
        var text = new Timestamp { String = "2024-04-01 22:38:19" };
        var number = new Timestamp { Double = Instant.ToUnixTimeMilliseconds() };

        Assert.Equal(text, number);
        Assert.True(text == number);
        Assert.True(text == Instant);
        Assert.False(text != Instant);
        Assert.Equal(text.GetHashCode(), number.GetHashCode());
        Assert.NotEqual(text, new Timestamp { String = "2024-04-01 22:38:20" });
        Assert.Equal(new Timestamp { String = "yesterday" }, new Timestamp { String = "yesterday" });
        Assert.NotEqual(new Timestamp { String = "yesterday" }, new Timestamp { String = "today" });
        Assert.False(text == null);
        Assert.True((Timestamp?)null == null);
    }

    [Fact]
    public void ToStringGivesTheFormAsSent()
    {
        Assert.Equal("1714978764301.5", new Timestamp { Double = 1714978764301.5 }.ToString());
        Assert.Equal("2024-04-01 22:38:19", new Timestamp { String = "2024-04-01 22:38:19" }.ToString());
        Assert.Equal(string.Empty, new Timestamp().ToString());
    }
}
