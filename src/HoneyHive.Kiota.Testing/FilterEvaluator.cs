using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

/// <summary>
/// Decides whether an event satisfies a list of filters (ANDed). A missing (or null) field satisfies
/// only the negative operators. An array field satisfies a positive operator when any element does,
/// so <c>children_ids contains X</c> works as membership.
/// </summary>
internal static class FilterEvaluator
{
    public static bool MatchesAll(JsonObject evt, IReadOnlyList<ServerFilter> filters)
    {
        foreach (var filter in filters)
        {
            if (!Matches(evt, filter))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Matches(JsonObject evt, ServerFilter filter)
    {
        var node = JsonPath.Resolve(evt, filter.Field);
        if (node is null)
        {
            return filter.Operator is FilterOperator.IsNot or FilterOperator.NotContains or FilterOperator.NotExists;
        }

        return filter.Operator switch
        {
            FilterOperator.Exists => true,
            FilterOperator.NotExists => false,
            FilterOperator.Is => Any(node, filter, static (n, f) => Compare(n, f) == 0),
            FilterOperator.IsNot => !Any(node, filter, static (n, f) => Compare(n, f) == 0),
            FilterOperator.Contains => Any(node, filter, Contains),
            FilterOperator.NotContains => !Any(node, filter, Contains),
            FilterOperator.GreaterThan => Any(node, filter, static (n, f) => Compare(n, f) > 0),
            FilterOperator.LessThan => Any(node, filter, static (n, f) => Compare(n, f) < 0),
            _ => false,
        };
    }

    private static bool Any(JsonNode node, ServerFilter filter, Func<JsonNode, ServerFilter, bool> predicate)
    {
        if (node is not JsonArray array)
        {
            return predicate(node, filter);
        }

        foreach (var element in array)
        {
            if (element is not null && predicate(element, filter))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(JsonNode node, ServerFilter filter) => filter.Type switch
    {
        FilterType.Boolean => Compare(node, filter) == 0,
        _ => Text(node).Contains(filter.Value, StringComparison.Ordinal),
    };

    /// <summary>Compares the field with the filter value; <see langword="null"/> when the field cannot be read as the filter's type.</summary>
    private static int? Compare(JsonNode node, ServerFilter filter)
    {
        switch (filter.Type)
        {
            case FilterType.Number:
                return TryNumber(node, out var number) ? number.CompareTo(filter.Number) : null;
            case FilterType.Boolean:
                return TryBoolean(node, out var boolean) ? boolean.CompareTo(filter.Boolean) : null;
            case FilterType.DateTime:
                return TimeValue.TryGetUnixMilliseconds(node, out var ms) ? ms.CompareTo(filter.Instant) : null;
            default:
                return Math.Sign(string.CompareOrdinal(Text(node), filter.Value));
        }
    }

    private static string Text(JsonNode node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node.ToJsonString();

    private static bool TryNumber(JsonNode node, out double number)
    {
        number = 0;
        return node is JsonValue v
            && v.GetValueKind() is JsonValueKind.Number or JsonValueKind.String
            && double.TryParse(Text(node), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    private static bool TryBoolean(JsonNode node, out bool boolean)
    {
        boolean = false;
        if (node is not JsonValue v)
        {
            return false;
        }

        switch (v.GetValueKind())
        {
            case JsonValueKind.True:
                boolean = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.String:
                return bool.TryParse(v.GetValue<string>(), out boolean);
            default:
                return false;
        }
    }
}
