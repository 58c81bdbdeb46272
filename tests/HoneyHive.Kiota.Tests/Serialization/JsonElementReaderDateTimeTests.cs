using System.Text.Json;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Kiota.Tests.Serialization;

/// <summary>
/// A date-time without an offset is UTC (HoneyHive's servers send "2024-04-01 22:38:19" in UTC), whatever the
/// machine's time zone; Kiota's stock node reads such text as local time. One with an offset keeps it.
/// </summary>
public class JsonElementReaderDateTimeTests
{
    [Theory]
    [InlineData("\"2024-04-01 22:38:19\"", "2024-04-01T22:38:19.0000000+00:00")]
    [InlineData("\"2024-04-01T22:38:19\"", "2024-04-01T22:38:19.0000000+00:00")]
    [InlineData("\"2024-04-01T22:38:19.123+05:45\"", "2024-04-01T22:38:19.1230000+05:45")]
    [InlineData("\"2024-04-01T22:38:19Z\"", "2024-04-01T22:38:19.0000000+00:00")]
    public void A_date_time_without_an_offset_is_utc_and_one_with_an_offset_keeps_it(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.True(JsonElementReader.TryGetDateTimeOffset(document.RootElement, out var value));
        Assert.Equal(expected, value!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, new HoneyHiveJsonParseNode(document.RootElement).GetDateTimeOffsetValue()!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Text_that_is_not_a_date_time_does_not_fit()
    {
        using var document = JsonDocument.Parse("\"yesterday\"");

        Assert.False(JsonElementReader.TryGetDateTimeOffset(document.RootElement, out var value));
        Assert.Null(value);
    }
}
