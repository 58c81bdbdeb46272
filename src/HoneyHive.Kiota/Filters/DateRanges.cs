using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Filters;

/// <summary>
/// Builds the <see cref="DateRange"/> (<c>{"$gte": …, "$lte": …}</c>, both inclusive) on an event's start time.
/// </summary>
/// <remarks>
/// Points in time are converted to UTC before sending: the server stores UTC, and an ISO-8601 text
/// with a <c>Z</c> is the form least likely to be misread.
/// </remarks>
public static class DateRanges
{
    /// <summary>Events from <paramref name="from"/> to <paramref name="to"/>, both inclusive.</summary>
    /// <param name="from">The earliest start time.</param>
    /// <param name="to">The latest start time.</param>
    /// <returns>The range.</returns>
    /// <exception cref="ArgumentException"><paramref name="from"/> is later than <paramref name="to"/>.</exception>
    public static DateRange Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (from > to)
        {
            throw new ArgumentException(
                $"The range's start ({from:O}) is later than its end ({to:O}); pass the earlier point in time first.", nameof(from));
        }

        return new DateRange { Gte = from.ToUniversalTime(), Lte = to.ToUniversalTime() };
    }

    /// <summary>Events from <paramref name="from"/> on (inclusive), with no upper bound.</summary>
    /// <param name="from">The earliest start time.</param>
    /// <returns>The range.</returns>
    public static DateRange Since(DateTimeOffset from) => new() { Gte = from.ToUniversalTime() };

    /// <summary>Events up to <paramref name="to"/> (inclusive), with no lower bound.</summary>
    /// <param name="to">The latest start time.</param>
    /// <returns>The range.</returns>
    public static DateRange Until(DateTimeOffset to) => new() { Lte = to.ToUniversalTime() };

    /// <summary>Events in the <paramref name="window"/> that ends now.</summary>
    /// <param name="window">How far back to look; positive.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The range from now minus <paramref name="window"/> to now.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is zero or negative.</exception>
    public static DateRange Last(TimeSpan window, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        return Between(now - window, now);
    }
}
