using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Filters;

/// <summary>
/// A validated field path; each operator method returns a new <see cref="EventFilter"/> whose
/// <see cref="EventFilter.Type"/> follows from the value's .NET type.
/// </summary>
/// <remarks>
/// Overloads cover the common pairs; <see cref="Where(EventFilterOperator, FilterValue)"/> builds any
/// operator with any type, including pairs the server may reject (the client does not guess which).
/// </remarks>
public sealed class EventFilterField
{
    internal EventFilterField(string path) => Path = path;

    /// <summary>The dotted field path.</summary>
    public string Path { get; }

    /// <summary>Builds a filter from any operator and value.</summary>
    /// <param name="filterOperator">The comparison.</param>
    /// <param name="value">The value and its type.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="filterOperator"/> is not a defined value.</exception>
    public EventFilter Where(EventFilterOperator filterOperator, FilterValue value)
    {
        if (!Enum.IsDefined(filterOperator))
        {
            throw new ArgumentOutOfRangeException(nameof(filterOperator), filterOperator, "Not a defined filter operator.");
        }

        return new EventFilter { Field = Path, Operator = filterOperator, Type = value.Type, Value = value.Text };
    }

    /// <summary><c>is</c> a string.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The filter.</returns>
    public EventFilter Is(string value) => Where(EventFilterOperator.Is, FilterValue.String(value));

    /// <summary><c>is</c> an integer.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The filter.</returns>
    public EventFilter Is(long value) => Where(EventFilterOperator.Is, FilterValue.Number(value));

    /// <summary><c>is</c> a floating-point number.</summary>
    /// <param name="value">A finite number.</param>
    /// <returns>The filter.</returns>
    public EventFilter Is(double value) => Where(EventFilterOperator.Is, FilterValue.Number(value));

    /// <summary><c>is</c> a decimal number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The filter.</returns>
    public EventFilter Is(decimal value) => Where(EventFilterOperator.Is, FilterValue.Number(value));

    /// <summary><c>is</c> a boolean.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The filter.</returns>
    public EventFilter Is(bool value) => Where(EventFilterOperator.Is, FilterValue.Boolean(value));

    /// <summary><c>is</c> an object id.</summary>
    /// <param name="id">The id; non-empty, no whitespace.</param>
    /// <returns>The filter.</returns>
    public EventFilter IsId(string id) => Where(EventFilterOperator.Is, FilterValue.Id(id));

    /// <summary><c>is not</c> a string.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The filter.</returns>
    public EventFilter IsNot(string value) => Where(EventFilterOperator.IsNot, FilterValue.String(value));

    /// <summary><c>is not</c> an integer.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The filter.</returns>
    public EventFilter IsNot(long value) => Where(EventFilterOperator.IsNot, FilterValue.Number(value));

    /// <summary><c>is not</c> a floating-point number.</summary>
    /// <param name="value">A finite number.</param>
    /// <returns>The filter.</returns>
    public EventFilter IsNot(double value) => Where(EventFilterOperator.IsNot, FilterValue.Number(value));

    /// <summary><c>is not</c> a decimal number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The filter.</returns>
    public EventFilter IsNot(decimal value) => Where(EventFilterOperator.IsNot, FilterValue.Number(value));

    /// <summary><c>is not</c> a boolean.</summary>
    /// <param name="value">The boolean.</param>
    /// <returns>The filter.</returns>
    public EventFilter IsNot(bool value) => Where(EventFilterOperator.IsNot, FilterValue.Boolean(value));

    /// <summary><c>is not</c> an object id.</summary>
    /// <param name="id">The id; non-empty, no whitespace.</param>
    /// <returns>The filter.</returns>
    public EventFilter IsNotId(string id) => Where(EventFilterOperator.IsNot, FilterValue.Id(id));

    /// <summary><c>contains</c> a substring.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The filter.</returns>
    public EventFilter Contains(string value) => Where(EventFilterOperator.Contains, FilterValue.String(value));

    /// <summary><c>not contains</c> a substring.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The filter.</returns>
    public EventFilter NotContains(string value) => Where(EventFilterOperator.NotContains, FilterValue.String(value));

    /// <summary><c>greater than</c> an integer.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The filter.</returns>
    public EventFilter GreaterThan(long value) => Where(EventFilterOperator.GreaterThan, FilterValue.Number(value));

    /// <summary><c>greater than</c> a floating-point number.</summary>
    /// <param name="value">A finite number.</param>
    /// <returns>The filter.</returns>
    public EventFilter GreaterThan(double value) => Where(EventFilterOperator.GreaterThan, FilterValue.Number(value));

    /// <summary><c>greater than</c> a decimal number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The filter.</returns>
    public EventFilter GreaterThan(decimal value) => Where(EventFilterOperator.GreaterThan, FilterValue.Number(value));

    /// <summary><c>greater than</c> a string (the server compares the text).</summary>
    /// <param name="value">The text.</param>
    /// <returns>The filter.</returns>
    public EventFilter GreaterThan(string value) => Where(EventFilterOperator.GreaterThan, FilterValue.String(value));

    /// <summary>The field path.</summary>
    /// <returns>The path.</returns>
    public override string ToString() => Path;
}
