using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Filters;

/// <summary>
/// Parses the CLI's filter text: <c>&lt;field&gt; &lt;operator&gt; &lt;value&gt;[:&lt;type&gt;]</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The operator is the first whole-word occurrence (case-insensitive) of <c>is not</c>,
/// <c>not contains</c>, <c>greater than</c>, <c>contains</c> or <c>is</c> after at least one field word;
/// the field is everything before it, so field names may contain spaces
/// (<c>metrics.Answer Faithfulness greater than 3:number</c>) but not an operator word.</item>
/// <item>The value is the rest of the text, trimmed; inner spaces are kept
/// (<c>inputs.chat_history.0.content contains hello world</c>).</item>
/// <item>A trailing <c>:string</c>, <c>:number</c>, <c>:boolean</c> or <c>:id</c> sets the type; without one the
/// value is a string. The type is never guessed from the value, so <c>user_properties.user is 123</c> stays a
/// string comparison. Any other trailing <c>:word</c> of letters (<c>:float</c>) is an unknown type, an error;
/// other suffixes (<c>https://…</c>, <c>10:30</c>) are part of the value. To keep a literal suffix such as
/// <c>:id</c> or <c>:ok</c> in a string, append <c>:string</c>.</item>
/// <item>Numbers are read with the invariant culture and re-written as the builder writes them.</item>
/// </list>
/// </remarks>
internal static class EventFilterParser
{
    // Longest first at each position so "is not" wins over "is".
    private static readonly (string[] Words, EventFilterOperator Operator)[] Operators =
    [
        (["is", "not"], EventFilterOperator.IsNot),
        (["not", "contains"], EventFilterOperator.NotContains),
        (["greater", "than"], EventFilterOperator.GreaterThan),
        (["contains"], EventFilterOperator.Contains),
        (["is"], EventFilterOperator.Is),
    ];

    /// <summary>Parses one filter.</summary>
    /// <param name="text">The text, e.g. <c>event_type is model</c>.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="EventFilterFormatException">The text is not a valid filter.</exception>
    public static EventFilter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var filter, out var error) ? filter : throw error;
    }

    /// <summary>Parses one filter without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="filter">The filter, when the text is valid.</param>
    /// <returns>Whether the text is a valid filter.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out EventFilter? filter) =>
        TryParse(text, out filter, out _);

    private static bool TryParse(string? text, [NotNullWhen(true)] out EventFilter? filter, [NotNullWhen(false)] out EventFilterFormatException? error)
    {
        filter = null;
        var input = text ?? string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = new EventFilterFormatException(input, EventFilterFormatError.Empty, "the text is empty");
            return false;
        }

        var words = Words(input);
        if (!FindOperator(input, words, out var operatorWord, out var operatorEnd, out var filterOperator))
        {
            error = words.Count > 0 && Operators.Any(o => WordsMatch(input, words, 0, o.Words))
                ? new EventFilterFormatException(input, EventFilterFormatError.InvalidField, "no field before the operator")
                : new EventFilterFormatException(input, EventFilterFormatError.MissingOperator, "no operator found after the field");
            return false;
        }

        var field = input[..words[operatorWord].Start].Trim();
        if (FieldPath.Problem(field) is { } fieldProblem)
        {
            error = new EventFilterFormatException(input, EventFilterFormatError.InvalidField, fieldProblem);
            return false;
        }

        var rawValue = input[operatorEnd..].Trim();
        var (valueText, type, unknownType) = SplitType(rawValue);
        if (unknownType is not null)
        {
            error = new EventFilterFormatException(input, EventFilterFormatError.UnknownType,
                $"\":{unknownType}\" is not a type (the types are string, number, boolean, id; to end a string value with \":{unknownType}\", append \":string\")");
            return false;
        }

        if (valueText.Length == 0)
        {
            error = new EventFilterFormatException(input, EventFilterFormatError.MissingValue, "no value after the operator");
            return false;
        }

        if (!TryMakeValue(valueText, type, out var value, out var valueProblem))
        {
            error = new EventFilterFormatException(input, EventFilterFormatError.InvalidValue, valueProblem);
            return false;
        }

        filter = EventFilters.Field(field).Where(filterOperator, value);
        error = null;
        return true;
    }

    private static List<(int Start, int End)> Words(string input)
    {
        var words = new List<(int Start, int End)>();
        var i = 0;
        while (i < input.Length)
        {
            while (i < input.Length && char.IsWhiteSpace(input[i])) i++;
            var start = i;
            while (i < input.Length && !char.IsWhiteSpace(input[i])) i++;
            if (i > start) words.Add((start, i));
        }

        return words;
    }

    private static bool FindOperator(string input, List<(int Start, int End)> words, out int operatorWord, out int operatorEnd, out EventFilterOperator filterOperator)
    {
        // Word 0 is always part of the field; the operator must leave at least one word for the value
        // or the value check below reports it as missing, which is the clearer message.
        for (var i = 1; i < words.Count; i++)
        {
            foreach (var (operatorWords, op) in Operators)
            {
                if (WordsMatch(input, words, i, operatorWords))
                {
                    operatorWord = i;
                    operatorEnd = words[i + operatorWords.Length - 1].End;
                    filterOperator = op;
                    return true;
                }
            }
        }

        operatorWord = operatorEnd = 0;
        filterOperator = default;
        return false;
    }

    private static bool WordsMatch(string input, List<(int Start, int End)> words, int at, string[] expected)
    {
        if (at + expected.Length > words.Count) return false;
        for (var k = 0; k < expected.Length; k++)
        {
            var (start, end) = words[at + k];
            if (!input.AsSpan(start, end - start).Equals(expected[k], StringComparison.OrdinalIgnoreCase)) return false;
        }

        return true;
    }

    private static (string Text, EventFilterType Type, string? UnknownType) SplitType(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon < 0) return (value, EventFilterType.String, null);
        var suffix = value.AsSpan(colon + 1).Trim();
        EventFilterType? type =
            suffix.Equals("string", StringComparison.OrdinalIgnoreCase) ? EventFilterType.String :
            suffix.Equals("number", StringComparison.OrdinalIgnoreCase) ? EventFilterType.Number :
            suffix.Equals("boolean", StringComparison.OrdinalIgnoreCase) ? EventFilterType.Boolean :
            suffix.Equals("id", StringComparison.OrdinalIgnoreCase) ? EventFilterType.Id :
            null;
        if (type is { } known)
        {
            return (value[..colon].TrimEnd(), known, null);
        }

        // A word of letters after the last colon reads as a type: a typo (":float", ":int") must not silently
        // become part of a string value that then matches nothing. Anything else there (a URL's "//host", a
        // time's "30") is part of the string value.
        return colon > 0 && suffix.Length > 0 && IsLetters(suffix)
            ? (value, EventFilterType.String, suffix.ToString())
            : (value, EventFilterType.String, null);
    }

    private static bool IsLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c)) return false;
        }

        return true;
    }

    private static bool TryMakeValue(string text, EventFilterType type, out FilterValue value, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        value = default;
        switch (type)
        {
            case EventFilterType.Number:
                const NumberStyles style = NumberStyles.Float;
                // decimal first: it keeps "0.10" exact; double covers magnitudes decimal cannot hold.
                if (decimal.TryParse(text, style, CultureInfo.InvariantCulture, out var exact))
                {
                    value = FilterValue.Number(exact);
                }
                else if (double.TryParse(text, style, CultureInfo.InvariantCulture, out var approximate) && double.IsFinite(approximate))
                {
                    value = FilterValue.Number(approximate);
                }
                else
                {
                    problem = $"\"{text}\" is not a number (use '.' as the decimal separator)";
                }

                break;
            case EventFilterType.Boolean:
                if (bool.TryParse(text, out var flag))
                {
                    value = FilterValue.Boolean(flag);
                }
                else
                {
                    problem = $"\"{text}\" is not a boolean (use true or false)";
                }

                break;
            case EventFilterType.Id:
                if (text.Any(char.IsWhiteSpace))
                {
                    problem = $"the id \"{text}\" contains whitespace";
                }
                else
                {
                    value = FilterValue.Id(text);
                }

                break;
            default:
                value = FilterValue.String(text);
                break;
        }

        return problem is null;
    }
}
