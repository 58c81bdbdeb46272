using System.Diagnostics.CodeAnalysis;
using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Filters;

/// <summary>
/// Entry point of the typed filter builder:
/// <c>EventFilters.Field("metadata.cost").GreaterThan(0.01)</c>.
/// </summary>
public static class EventFilters
{
    /// <summary>Starts a filter on a dotted field path.</summary>
    /// <param name="path">A dotted path into the event, e.g. <c>event_type</c>, <c>metadata.cost</c>,
    /// <c>inputs.chat_history.0.content</c>. Segments must be non-empty; inner spaces are allowed.</param>
    /// <returns>The field, on which an operator method produces the <see cref="EventFilter"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, has an empty or whitespace-only
    /// segment, or leading or trailing whitespace.</exception>
    public static EventFilterField Field(string path) => new(FieldPath.Validate(path, nameof(path)));

    /// <summary>Parses the CLI's text form <c>&lt;field&gt; &lt;operator&gt; &lt;value&gt;[:&lt;type&gt;]</c>.</summary>
    /// <param name="text">E.g. <c>event_type is model</c> or <c>metadata.cost greater than 0.01:number</c>.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="EventFilterFormatException">The text is not a valid filter; the exception says why.</exception>
    public static EventFilter Parse(string text) => EventFilterParser.Parse(text);

    /// <summary>Parses the CLI's text form without throwing, e.g. to validate what a user typed.</summary>
    /// <param name="text">The text; null is not a filter.</param>
    /// <param name="filter">The filter, when the text is one.</param>
    /// <returns>Whether the text is a valid filter.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out EventFilter? filter) =>
        EventFilterParser.TryParse(text, out filter);
}
