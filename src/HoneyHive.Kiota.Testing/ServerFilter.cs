using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

internal enum FilterOperator { Is, IsNot, Contains, NotContains, GreaterThan, LessThan, Exists, NotExists }

internal enum FilterType { String, Number, Boolean, Id, DateTime }

/// <summary>
/// The in-memory server's form of one validated <c>EventFilter</c> (<c>{ field, value, operator, type }</c>) with its
/// value pre-parsed for its type, so a bad value is a 400 up front rather than a silent non-match.
/// </summary>
internal sealed record ServerFilter(string Field, FilterOperator Operator, FilterType Type, string Value)
{
    public double Number { get; private init; }
    public bool Boolean { get; private init; }
    public long Instant { get; private init; }

    public static IReadOnlyList<ServerFilter> ParseAll(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            throw new BadRequestException("filters must be an array of EventFilter objects");
        }

        var filters = new List<ServerFilter>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            filters.Add(Parse(array[i], $"filters[{i}]"));
        }

        return filters;
    }

    private static ServerFilter Parse(JsonNode? node, string where)
    {
        if (node is not JsonObject obj)
        {
            throw new BadRequestException($"{where} must be an object");
        }

        var field = RequiredString(obj, "field", where);
        var op = ParseOperator(RequiredString(obj, "operator", where), where);
        var type = ParseType(RequiredString(obj, "type", where), where);
        var valueOptional = op is FilterOperator.Exists or FilterOperator.NotExists;
        var value = valueOptional ? OptionalString(obj, "value", where) ?? string.Empty : RequiredString(obj, "value", where);
        if (field.Length == 0)
        {
            throw new BadRequestException($"{where}.field must not be empty");
        }

        var filter = new ServerFilter(field, op, type, value);
        if (valueOptional)
        {
            return filter;
        }

        return type switch
        {
            FilterType.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)
                ? filter with { Number = n }
                : throw new BadRequestException($"{where}.value '{value}' is not a number"),
            FilterType.Boolean when op is FilterOperator.GreaterThan or FilterOperator.LessThan =>
                throw new BadRequestException($"{where}: operator '{Name(op)}' does not apply to type 'boolean'"),
            FilterType.Boolean => bool.TryParse(value, out var b)
                ? filter with { Boolean = b }
                : throw new BadRequestException($"{where}.value '{value}' is not 'true' or 'false'"),
            FilterType.DateTime => TimeValue.TryParse(value, out var ms)
                ? filter with { Instant = ms }
                : throw new BadRequestException($"{where}.value '{value}' is not a date-time"),
            _ => filter,
        };
    }

    private static FilterOperator ParseOperator(string text, string where) => text.ToLowerInvariant() switch
    {
        "is" => FilterOperator.Is,
        "is not" => FilterOperator.IsNot,
        "contains" => FilterOperator.Contains,
        "not contains" => FilterOperator.NotContains,
        // "after"/"before" are the later API's names for ordering on datetimes.
        "greater than" or "after" => FilterOperator.GreaterThan,
        "less than" or "before" => FilterOperator.LessThan,
        "exists" => FilterOperator.Exists,
        "not exists" => FilterOperator.NotExists,
        _ => throw new BadRequestException($"{where}.operator '{text}' is not supported"),
    };

    private static FilterType ParseType(string text, string where) => text.ToLowerInvariant() switch
    {
        "string" => FilterType.String,
        "number" => FilterType.Number,
        "boolean" => FilterType.Boolean,
        "id" => FilterType.Id,
        "datetime" => FilterType.DateTime,
        _ => throw new BadRequestException($"{where}.type '{text}' is not supported"),
    };

    private static string Name(FilterOperator op) => op switch
    {
        FilterOperator.GreaterThan => "greater than",
        FilterOperator.LessThan => "less than",
        _ => op.ToString(),
    };

    private static string RequiredString(JsonObject obj, string name, string where) =>
        OptionalString(obj, name, where) ?? throw new BadRequestException($"{where}.{name} is required");

    private static string? OptionalString(JsonObject obj, string name, string where)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        // The contract sends every value as a string, numbers and booleans included.
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw new BadRequestException($"{where}.{name} must be a string");
    }
}
