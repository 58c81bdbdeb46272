using System.Globalization;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// The two timestamp forms HoneyHive uses: Unix milliseconds (what requests send and the SDKs
/// declare) and date-time strings such as <c>"2024-04-01 22:38:19"</c> (what responses have shown).
/// </summary>
public static class Timestamps
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

    /// <summary>Reads the server's own <c>yyyy-MM-dd HH:mm:ss</c> form (UTC) straight from UTF-8.</summary>
    /// <param name="utf8">The unescaped text, without quotes.</param>
    /// <param name="value">The point in time.</param>
    /// <returns>Whether the text was exactly that form and a valid date and time.</returns>
    /// <remarks>
    /// A page holds two timestamps per event; going through a string and
    /// <see cref="DateTimeOffset.TryParseExact(string, string[], IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>
    /// allocated 15,000 strings per 7,500-event page and was the slowest part of reading an event.
    /// Anything else (fractions, offsets, ISO 8601) still goes through <see cref="Parse"/>.
    /// </remarks>
    public static bool TryParseServerForm(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        value = default;
        if (utf8.Length != 19 || utf8[4] != '-' || utf8[7] != '-' || utf8[10] != ' ' || utf8[13] != ':' || utf8[16] != ':')
        {
            return false;
        }

        if (!TryDigits(utf8[..4], out var year) || !TryDigits(utf8.Slice(5, 2), out var month) || !TryDigits(utf8.Slice(8, 2), out var day)
            || !TryDigits(utf8.Slice(11, 2), out var hour) || !TryDigits(utf8.Slice(14, 2), out var minute) || !TryDigits(utf8.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> utf8, out int number)
    {
        number = 0;
        foreach (var b in utf8)
        {
            var digit = b - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            number = (number * 10) + digit;
        }

        return true;
    }

    /// <summary>Converts a point in time to Unix milliseconds, the form requests send.</summary>
    /// <param name="value">The point in time.</param>
    /// <returns>Milliseconds since the Unix epoch.</returns>
    public static long ToUnixMilliseconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds();
}
