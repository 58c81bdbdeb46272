using System.Globalization;
using System.Text;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// <see cref="TimeSpan"/> as an ISO 8601 / xsd:duration string (<c>P1DT2H3M4.5S</c>), read and written with the
/// rules of <c>System.Xml.XmlConvert</c>, which Kiota's JSON node and writer use for it.
/// </summary>
/// <remarks>
/// Not <c>XmlConvert</c> itself: calling it links System.Private.Xml into every NativeAOT app, and with it the
/// XHTML DTDs that assembly embeds (about 70 KB of a CLI), for a type no HoneyHive model uses. The rules kept:
/// a year is 365 days and a month 30; at most nine fraction digits count (later ones are dropped, not rounded);
/// surrounding white space is ignored; a value that does not fit a <see cref="TimeSpan"/> is not read.
/// DurationConformanceTests compare both ways with <c>XmlConvert</c>.
/// </remarks>
internal static class IsoDuration
{
    private const int FractionDigits = 9;

    /// <summary>The duration written as <c>XmlConvert.ToString(TimeSpan)</c> writes it (zero is <c>PT0S</c>).</summary>
    public static string Format(TimeSpan value)
    {
        // The magnitude as unsigned ticks: -TimeSpan.MinValue.Ticks does not fit a long.
        var ticks = value.Ticks < 0 ? unchecked((ulong)-value.Ticks) : (ulong)value.Ticks;
        var days = ticks / TimeSpan.TicksPerDay;
        var hours = ticks / TimeSpan.TicksPerHour % 24;
        var minutes = ticks / TimeSpan.TicksPerMinute % 60;
        var seconds = ticks / TimeSpan.TicksPerSecond % 60;
        var nanoseconds = ticks % TimeSpan.TicksPerSecond * 100;

        var text = new StringBuilder(24);
        text.Append(value.Ticks < 0 ? "-P" : "P");
        if (days != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{days}D");
        }

        if (hours != 0 || minutes != 0 || seconds != 0 || nanoseconds != 0)
        {
            text.Append('T');
            if (hours != 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{hours}H");
            }

            if (minutes != 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{minutes}M");
            }

            if (seconds != 0 || nanoseconds != 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{seconds}");
                if (nanoseconds != 0)
                {
                    text.Append('.').Append(nanoseconds.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0'));
                }

                text.Append('S');
            }
        }
        else if (days == 0)
        {
            text.Append("T0S");
        }

        return text.ToString();
    }

    /// <summary>Reads a duration as <c>XmlConvert.ToTimeSpan</c> does; false where it would throw.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out TimeSpan value)
    {
        value = default;
        var s = text.Trim();
        var pos = 0;
        var negative = pos < s.Length && s[pos] == '-';
        if (negative)
        {
            pos++;
        }

        if (pos >= s.Length || s[pos++] != 'P')
        {
            return false;
        }

        // Designators in the order they may appear; 'T' switches from date parts to time parts.
        ulong years = 0, months = 0, days = 0, hours = 0, minutes = 0, seconds = 0, nanoseconds = 0;
        var any = false;
        var inTime = false;
        var next = 0; // index of the first designator still allowed: Y M D | H M S
        while (pos < s.Length)
        {
            if (!inTime && s[pos] == 'T')
            {
                inTime = true;
                next = 3;
                pos++;
                if (pos >= s.Length)
                {
                    return false;
                }

                continue;
            }

            if (!TryDigits(s, ref pos, out var number, out var digits) || pos >= s.Length)
            {
                return false;
            }

            // XmlConvert reads "PT.5S" as half a second: only a decimal point may follow no digits.
            var designator = s[pos++];
            if (inTime && designator == '.')
            {
                if (next > 5)
                {
                    return false;
                }

                seconds = number;
                nanoseconds = Fraction(s, ref pos);
                if (pos >= s.Length || s[pos++] != 'S')
                {
                    return false;
                }

                any = true;
                next = 6;
                continue;
            }

            var slot = Slot(designator, inTime);
            if (digits == 0 || slot < next)
            {
                return false;
            }

            switch (slot)
            {
                case 0: years = number; break;
                case 1: months = number; break;
                case 2: days = number; break;
                case 3: hours = number; break;
                case 4: minutes = number; break;
                default: seconds = number; break;
            }

            any = true;
            next = slot + 1;
        }

        if (!any)
        {
            return false;
        }

        try
        {
            checked
            {
                var total = (years + months / 12) * 365 + months % 12 * 30 + days;
                total = ((total * 24 + hours) * 60 + minutes) * 60 + seconds;
                total = total * TimeSpan.TicksPerSecond + nanoseconds / 100;
                if (negative)
                {
                    value = total == (ulong)long.MaxValue + 1 ? TimeSpan.MinValue : new TimeSpan(-(long)total);
                }
                else
                {
                    value = new TimeSpan((long)total);
                }

                return true;
            }
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    // -1 for a character that is no designator here, so it is never allowed.
    private static int Slot(char designator, bool inTime) => (designator, inTime) switch
    {
        ('Y', false) => 0,
        ('M', false) => 1,
        ('D', false) => 2,
        ('H', true) => 3,
        ('M', true) => 4,
        ('S', true) => 5,
        _ => -1,
    };

    // A count of a part: it must fit an int, as in XmlConvert.
    private static bool TryDigits(ReadOnlySpan<char> s, ref int pos, out ulong number, out int digits)
    {
        number = 0;
        var start = pos;
        while (pos < s.Length && char.IsAsciiDigit(s[pos]))
        {
            number = number * 10 + (ulong)(s[pos] - '0');
            if (number > int.MaxValue)
            {
                digits = 0;
                return false;
            }

            pos++;
        }

        digits = pos - start;
        return true;
    }

    // The digits after a decimal point, as nanoseconds: the first nine count, the rest are dropped.
    private static ulong Fraction(ReadOnlySpan<char> s, ref int pos)
    {
        ulong nanoseconds = 0;
        var digits = 0;
        for (; pos < s.Length && char.IsAsciiDigit(s[pos]); pos++)
        {
            if (digits < FractionDigits)
            {
                nanoseconds = nanoseconds * 10 + (ulong)(s[pos] - '0');
                digits++;
            }
        }

        for (; digits < FractionDigits; digits++)
        {
            nanoseconds *= 10;
        }

        return nanoseconds;
    }
}
