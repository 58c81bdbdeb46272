using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

/// <summary>
/// Reads instants in the forms HoneyHive uses: Unix milliseconds (number or digit string),
/// <c>yyyy-MM-dd HH:mm:ss</c> in UTC (as the docs' responses show), or ISO-8601.
/// </summary>
internal static class TimeValue
{
    private static readonly string[] SpaceFormats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    public static bool TryGetUnixMilliseconds(JsonNode? node, out long milliseconds)
    {
        milliseconds = 0;
        if (node is not JsonValue value)
        {
            return false;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Number => TryParseNumber(value.ToJsonString(), out milliseconds),
            JsonValueKind.String => TryParse(value.GetValue<string>(), out milliseconds),
            _ => false,
        };
    }

    public static bool TryParse(string text, out long milliseconds)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            return TryParseNumber(text, out milliseconds);
        }

        const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(text, SpaceFormats, CultureInfo.InvariantCulture, Utc, out var instant)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Utc, out instant))
        {
            milliseconds = instant.ToUnixTimeMilliseconds();
            return true;
        }

        milliseconds = 0;
        return false;
    }

    private static bool TryParseNumber(string text, out long milliseconds)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number))
        {
            milliseconds = (long)number;
            return true;
        }

        milliseconds = 0;
        return false;
    }
}
