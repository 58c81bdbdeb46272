using System.Globalization;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// The two timestamp forms HoneyHive uses: Unix milliseconds (what requests send and the SDKs
/// declare) and date-time strings such as <c>"2024-04-01 22:38:19"</c> (what responses have shown).
/// </summary>
internal static class Timestamps
{
    // The server's own string form has no offset: it is UTC.
    private static readonly string[] ServerFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF"];

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

    /// <summary>Parses the server's <c>yyyy-MM-dd HH:mm:ss</c> form (UTC) or any ISO-8601 date-time.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The point in time, or null when the text is not a date-time.</returns>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(text, ServerFormats, CultureInfo.InvariantCulture, utc, out var exact))
        {
            return exact;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso) ? iso : null;
    }
}
