using System.Globalization;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Kiota.Models;

/// <summary>
/// A point in time as HoneyHive sends it: Unix milliseconds (<see cref="Double"/>) or a date-time string
/// such as <c>"2024-04-01 22:38:19"</c> (<see cref="String"/>), the two forms the server has used.
/// </summary>
/// <remarks>
/// Kiota generates this wrapper from the description's <c>oneOf</c>; this part adds the conversions:
/// <c>e.StartTime?.ToDateTimeOffset()</c> reads either form, and a <see cref="DateTimeOffset"/> assigned to a
/// timestamp property (<c>StartTime = DateTimeOffset.UtcNow</c>) goes out as Unix milliseconds, the form
/// requests send.
/// <para>Two timestamps are equal when they denote the same instant, whichever form each holds, so
/// <c>e.StartTime == someDateTimeOffset</c> compares instants (the conversion applies), not references.</para>
/// </remarks>
public partial class Timestamp : IEquatable<Timestamp>
{
    /// <summary>A timestamp that is sent as Unix milliseconds.</summary>
    /// <param name="value">The point in time.</param>
    /// <returns>The timestamp.</returns>
    public static Timestamp FromDateTimeOffset(DateTimeOffset value) => new() { Double = value.ToUnixTimeMilliseconds() };

    /// <summary>A timestamp that is sent as Unix milliseconds.</summary>
    /// <param name="value">The point in time.</param>
    public static implicit operator Timestamp(DateTimeOffset value) => FromDateTimeOffset(value);

    /// <summary>The point in time, whichever form the server sent: Unix milliseconds, the server's
    /// <c>yyyy-MM-dd HH:mm:ss</c> (UTC), or any ISO-8601 date-time.</summary>
    /// <returns>The point in time, or null when the timestamp holds neither a usable number nor a date-time string.</returns>
    public DateTimeOffset? ToDateTimeOffset() =>
        Double is { } milliseconds ? Timestamps.FromUnixMilliseconds(milliseconds) : Timestamps.Parse(String);

    /// <summary>Whether both denote the same instant (or, when neither is a readable point in time, hold the same text).</summary>
    /// <param name="other">The other timestamp.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Timestamp? other) =>
        other is not null
        && (ToDateTimeOffset() is { } instant
            ? instant == other.ToDateTimeOffset()
            : other.ToDateTimeOffset() is null && Double.Equals(other.Double) && string.Equals(String, other.String, StringComparison.Ordinal));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Timestamp);

    /// <inheritdoc />
    public override int GetHashCode() => ToDateTimeOffset()?.GetHashCode() ?? HashCode.Combine(Double, String);

    /// <summary>Whether both are null or denote the same instant.</summary>
    /// <param name="left">The first timestamp.</param>
    /// <param name="right">The second timestamp.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Timestamp? left, Timestamp? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether they differ.</summary>
    /// <param name="left">The first timestamp.</param>
    /// <param name="right">The second timestamp.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(Timestamp? left, Timestamp? right) => !(left == right);

    /// <summary>The form the server sent: the number of milliseconds or the string.</summary>
    /// <returns>The timestamp's text.</returns>
    public override string ToString() =>
        Double is { } milliseconds ? milliseconds.ToString("R", CultureInfo.InvariantCulture) : String ?? string.Empty;
}
