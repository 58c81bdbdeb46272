using System.Globalization;

namespace HoneyHive.Cli.Cli;

/// <summary>Reads --from/--to: an ISO-8601 date or date-time (UTC unless it says otherwise) or Unix milliseconds.</summary>
internal static class TimeArgument
{
    public static DateTimeOffset? Parse(string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new UsageException($"{name} must be an ISO-8601 date-time (e.g. 2024-04-01T22:38:19Z) or Unix milliseconds, not '{text}'");
    }
}
