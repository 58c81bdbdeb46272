using System.Globalization;
using System.Text;

namespace HoneyHive.Kiota.Filters;

/// <summary>
/// Number text for filter values: invariant culture, round-trippable, never in exponent form.
/// </summary>
/// <remarks>
/// The server compares the value's text as a number; exponent forms such as <c>1E-05</c> (what
/// <c>double.ToString("R")</c> gives for small values) are not documented as accepted, so the
/// shortest round-trip digits are re-laid out in plain positional notation.
/// </remarks>
internal static class FilterNumberFormat
{
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    // decimal's own text is exact and never uses an exponent.
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A number filter value must be finite (not NaN or infinity).");
        }

        // "R" is the shortest text that parses back to the same double on .NET Core 3.0 and later.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOfAny(['E', 'e']);
        return exponentAt < 0 ? text : ExpandExponent(text, exponentAt);
    }

    // Moves the decimal point of "d.dddE±x" by x places, padding with zeros.
    private static string ExpandExponent(string text, int exponentAt)
    {
        var negative = text[0] == '-';
        var mantissa = text[(negative ? 1 : 0)..exponentAt];
        var exponent = int.Parse(text.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        var pointAt = mantissa.IndexOf('.');
        var digits = pointAt < 0 ? mantissa : mantissa.Remove(pointAt, 1);
        var integerDigits = (pointAt < 0 ? mantissa.Length : pointAt) + exponent;

        var builder = new StringBuilder(digits.Length + Math.Abs(exponent) + 3);
        if (negative)
        {
            builder.Append('-');
        }

        if (integerDigits <= 0)
        {
            builder.Append("0.").Append('0', -integerDigits).Append(digits);
        }
        else if (integerDigits >= digits.Length)
        {
            builder.Append(digits).Append('0', integerDigits - digits.Length);
        }
        else
        {
            builder.Append(digits, 0, integerDigits).Append('.').Append(digits, integerDigits, digits.Length - integerDigits);
        }

        return builder.ToString();
    }
}
