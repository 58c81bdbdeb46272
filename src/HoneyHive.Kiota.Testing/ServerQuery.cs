using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

/// <summary>
/// The in-memory server's validated export/list request (not the client's <c>EventQuery</c>). <c>POST /events/export</c>
/// sends it as a JSON body; <c>GET /events</c> sends the same fields in the query string with <c>filters</c>/<c>dateRange</c>
/// as JSON-encoded strings.
/// </summary>
internal sealed record ServerQuery(
    string Project,
    IReadOnlyList<ServerFilter> Filters,
    long? From,
    long? To,
    IReadOnlyList<string>? Projections,
    int Limit,
    int Page)
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 7500;

    public static ServerQuery FromBody(JsonObject body)
    {
        var (from, to) = ParseDateRange(body["dateRange"]);
        return new ServerQuery(
            ParseProject(body["project"]),
            body.ContainsKey("filters") && body["filters"] is not null
                ? ServerFilter.ParseAll(body["filters"])
                : throw new BadRequestException(FiltersRequired),
            from,
            to,
            ParseProjections(body["projections"]),
            ParsePositive(body["limit"], "limit", DefaultLimit, MaxLimit),
            ParsePositive(body["page"], "page", 1, int.MaxValue));
    }

    public static ServerQuery FromQueryString(IReadOnlyDictionary<string, string> query)
    {
        // An empty value is a missing one: a URL template with a required parameter writes "filters=" when
        // the caller did not set it, and the answer must say it is missing, not that "" is not JSON.
        var project = Present(query, "project");
        var filters = Present(query, "filters") is { } filtersText
            ? ServerFilter.ParseAll(ParseJson(filtersText, "filters", "a JSON array of filters, [] for none"))
            : throw new BadRequestException(FiltersRequired);
        var (from, to) = Present(query, "dateRange") is { } rangeText
            ? ParseDateRange(ParseJson(rangeText, "dateRange", "a JSON object with $gte and/or $lte"))
            : (null, null);
        return new ServerQuery(
            ParseProject(project is null ? null : JsonValue.Create(project)),
            filters,
            from,
            to,
            Present(query, "projections") is { } projections ? ParseProjections(ParseJson(projections, "projections", "a JSON array of field names")) : null,
            ParsePositive(Present(query, "limit") is { } limit ? JsonValue.Create(limit) : null, "limit", DefaultLimit, MaxLimit),
            ParsePositive(Present(query, "page") is { } page ? JsonValue.Create(page) : null, "page", 1, int.MaxValue));
    }

    private const string FiltersRequired = "filters is required: a JSON array of filters, [] for none";

    private static string? Present(IReadOnlyDictionary<string, string> query, string name) =>
        query.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public bool InDateRange(JsonObject evt)
    {
        if (From is null && To is null)
        {
            return true;
        }

        return TimeValue.TryGetUnixMilliseconds(evt["start_time"], out var start)
            && (From is null || start >= From)
            && (To is null || start <= To);
    }

    private static string ParseProject(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } project
            ? project
            : throw new BadRequestException("project is required and must be a non-empty string");

    private static JsonNode? ParseJson(string text, string name, string expected)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new BadRequestException($"{name} is not valid JSON: expected {expected}, JSON-encoded in the query string");
        }
    }

    private static (long? From, long? To) ParseDateRange(JsonNode? node)
    {
        if (node is null)
        {
            return (null, null);
        }

        if (node is not JsonObject range)
        {
            throw new BadRequestException("dateRange must be an object with $gte and/or $lte");
        }

        return (Bound(range, "$gte"), Bound(range, "$lte"));

        static long? Bound(JsonObject range, string name)
        {
            var bound = range[name];
            if (bound is null)
            {
                return null;
            }

            return TimeValue.TryGetUnixMilliseconds(bound, out var ms)
                ? ms
                : throw new BadRequestException($"dateRange.{name} is not a date-time");
        }
    }

    private static List<string>? ParseProjections(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            throw new BadRequestException("projections must be an array of strings");
        }

        return array.Select(item => item is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : throw new BadRequestException("projections must be an array of strings"))
            .ToList();
    }

    /// <summary>Reads a whole number in [1, max] from a JSON number or numeric string (query values are strings).</summary>
    private static int ParsePositive(JsonNode? node, string name, int fallback, int max)
    {
        if (node is null)
        {
            return fallback;
        }

        var text = node is JsonValue v && v.GetValueKind() switch
        {
            JsonValueKind.Number or JsonValueKind.String => true,
            _ => false,
        }
            ? (v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString())
            : null;
        if (text is null
            || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || number != Math.Floor(number))
        {
            throw new BadRequestException($"{name} must be a whole number");
        }

        return number < 1 || number > max
            ? throw new BadRequestException($"{name} must be between 1 and {max}")
            : (int)number;
    }
}
