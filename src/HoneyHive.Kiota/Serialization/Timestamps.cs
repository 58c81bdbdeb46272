using System.Globalization;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// The two timestamp forms HoneyHive uses: Unix milliseconds (what requests send and the SDKs
/// declare) and date-time strings such as <c>"2024-04-01 22:38:19"</c> (what responses have shown).
/// </summary>
internal static class Timestamps
{
    /// <summary>Converts Unix milliseconds (fractions kept to the tick) to a UTC point in time.</summary>
    /// <param name="milliseconds">Milliseconds since 1970-01-01T00:00:00Z.</param>
    /// <returns>The point in time, or null when the number is out of DateTimeOffset's range.</returns>
    public static DateTimeOffset? FromUnixMilliseconds(double milliseconds)
    {
        var ticks = milliseconds * TimeSpan.TicksPerMillisecond;
        var maxTicks = (double)(DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);
        var minTicks = (double)(DateTimeOffset.MinValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);
        return double.IsFinite(ticks) && ticks <= maxTicks && ticks >= minTicks
            ? DateTimeOffset.UnixEpoch.AddTicks((long)ticks)
            : null;
    }

    /// <summary>The one date-time parser, of models' date-time fields and of <see cref="Models.Timestamp"/>: ISO 8601 or the
    /// server's <c>yyyy-MM-dd HH:mm:ss</c>; text without an offset is UTC (the server's own form has none).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The point in time, or null when the text is not a date-time.</returns>
    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
}
