using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Kiota.Filters;

/// <summary>
/// A filter value as the API wants it: its text (the API always takes a string) and the
/// <see cref="EventFilterType"/> that tells the server how to interpret that text.
/// </summary>
public readonly struct FilterValue : IEquatable<FilterValue>
{
    // Null only in default(FilterValue); Text reads that as empty.
    private readonly string? _text;

    private FilterValue(string text, EventFilterType type)
    {
        _text = text;
        Type = type;
    }

    /// <summary>The value's wire text, formatted with the invariant culture.</summary>
    public string Text => _text ?? string.Empty;

    /// <summary>How the server interprets <see cref="Text"/>.</summary>
    public EventFilterType Type { get; }

    /// <summary>A string value, compared as text.</summary>
    /// <param name="value">The text; may be empty but not null.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static FilterValue String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new FilterValue(value, EventFilterType.String);
    }

    /// <summary>An integer value.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value, e.g. <c>"42"</c>.</returns>
    public static FilterValue Number(long value) => new(FilterNumberFormat.Format(value), EventFilterType.Number);

    /// <summary>A floating-point value, written round-trippable and without an exponent.</summary>
    /// <param name="value">A finite number.</param>
    /// <returns>The value, e.g. <c>"0.01"</c> or <c>"0.00001"</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static FilterValue Number(double value) => new(FilterNumberFormat.Format(value), EventFilterType.Number);

    /// <summary>A decimal value, written exactly as <see cref="decimal"/> holds it.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value, e.g. <c>"0.01"</c>.</returns>
    public static FilterValue Number(decimal value) => new(FilterNumberFormat.Format(value), EventFilterType.Number);

    /// <summary>A boolean value.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The value, <c>"true"</c> or <c>"false"</c>.</returns>
    public static FilterValue Boolean(bool value) => new(value ? "true" : "false", EventFilterType.Boolean);

    /// <summary>An object id (e.g. a project id such as <c>65e0fc2d6a2eb95f55a92cbc</c>).</summary>
    /// <param name="value">The id: non-empty and without whitespace.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or contains whitespace.</exception>
    public static FilterValue Id(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || value.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"An id filter value must be non-empty and contain no whitespace; got \"{value}\".", nameof(value));
        }

        return new FilterValue(value, EventFilterType.Id);
    }

    /// <inheritdoc/>
    public bool Equals(FilterValue other) => Type == other.Type && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FilterValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, StringComparer.Ordinal.GetHashCode(Text));

    /// <summary>The value as <c>text:type</c>, the CLI's form.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Text}:{EnumWireNames.Of(Type)}";

    /// <summary>Whether two values are equal.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when text and type are equal.</returns>
    public static bool operator ==(FilterValue left, FilterValue right) => left.Equals(right);

    /// <summary>Whether two values differ.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when text or type differ.</returns>
    public static bool operator !=(FilterValue left, FilterValue right) => !left.Equals(right);
}
