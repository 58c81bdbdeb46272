using HoneyHive.Kiota.Filters;
using HoneyHive.Kiota.Serialization;
using HoneyHive.Kiota.Tests.Pagination;
using RichardSzalay.MockHttp;
using Xunit;

namespace HoneyHive.Kiota.Tests.Filters;

public sealed class DateRangesTests
{
    private static readonly DateTimeOffset From = new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2024, 4, 2, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Between_sets_both_bounds_and_serializes_with_dollar_names()
    {
        var range = DateRanges.Between(From, To);
        Assert.Equal(From, range.Gte);
        Assert.Equal(To, range.Lte);

        var json = QueryJson.Serialize(range);
        Assert.Equal("{\"$gte\":\"2024-04-01T00:00:00.000Z\",\"$lte\":\"2024-04-02T12:30:00.000Z\"}", json);

        var api = FlowTestClient.Create(new MockHttpMessageHandler());
        var request = api.Events.ToGetRequestInformation(c => c.QueryParameters.DateRange = json);
        Assert.Equal(json, FlowTestClient.Query(request.URI, "dateRange"));
    }

    [Fact]
    public void Equal_bounds_are_allowed() => Assert.Equal(From, DateRanges.Between(From, From).Lte);

    [Fact]
    public void From_after_to_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => DateRanges.Between(To, From));
        Assert.Equal("from", error.ParamName);
        Assert.Contains("later than its end", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offsets_are_compared_as_instants_and_sent_as_utc()
    {
        var plusTwo = new DateTimeOffset(2024, 4, 1, 2, 0, 0, TimeSpan.FromHours(2)); // == From
        var range = DateRanges.Between(plusTwo, From);
        Assert.Equal(TimeSpan.Zero, range.Gte!.Value.Offset);
        Assert.Equal(From, range.Gte);
    }

    [Fact]
    public void Bounds_are_written_as_HoneyHives_sdk_writes_them_utc_to_the_millisecond()
    {
        var range = DateRanges.Between(new DateTimeOffset(2024, 4, 1, 2, 0, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567), To);

        Assert.Equal("{\"$gte\":\"2024-04-01T00:00:00.123Z\",\"$lte\":\"2024-04-02T12:30:00.000Z\"}", QueryJson.Serialize(range));
    }

    [Fact]
    public void Since_and_until_leave_the_other_bound_open()
    {
        var since = DateRanges.Since(From);
        Assert.Equal(From, since.Gte);
        Assert.Null(since.Lte);
        Assert.Equal("{\"$gte\":\"2024-04-01T00:00:00.000Z\"}", QueryJson.Serialize(since));

        var until = DateRanges.Until(To);
        Assert.Null(until.Gte);
        Assert.Equal(To, until.Lte);
    }

    [Fact]
    public void Last_uses_the_given_clock()
    {
        var clock = new FixedClock(To);
        var range = DateRanges.Last(TimeSpan.FromHours(36.5), clock);
        Assert.Equal(From, range.Gte);
        Assert.Equal(To, range.Lte);
        Assert.Throws<ArgumentOutOfRangeException>(() => DateRanges.Last(TimeSpan.Zero, clock));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
