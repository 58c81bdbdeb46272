using System.Globalization;
using System.Text.Json;

namespace HoneyHive.Kiota.Pagination;

/// <summary>
/// Where a paged read stands after a complete page, to continue it later — in another process, after a crash:
/// the next page, the page size and the read's pinned upper time bound (<c>$lte</c>), so the continued read
/// sees the same set of events in the same pages: no event twice, none missed. Take it from
/// <see cref="EventPage.Position"/>, save <see cref="ToJson"/>, and hand <see cref="Parse"/>'s result back as
/// <see cref="EventQuery.ResumeFrom"/> on the same query.
/// </summary>
/// <remarks>
/// The JSON form is stable across versions: <c>{"version":1,"page":5,"pageSize":1000,"until":"2024-04-01T22:38:19.123Z","query":"…"}</c>,
/// where <c>query</c> identifies the project, filters, lower time bound, projections and endpoint, so a
/// position is not used with another query. Events that arrive later with a start time inside the pinned
/// range (a backfill) shift the pages as they would during one long read.
/// </remarks>
public sealed class EventReadPosition
{
    private const int Version = 1;

    internal EventReadPosition(int nextPage, int pageSize, DateTimeOffset until, string query)
    {
        NextPage = nextPage;
        PageSize = pageSize;
        Until = until;
        Query = query;
    }

    /// <summary>The 1-based page the continued read requests first.</summary>
    public int NextPage { get; }

    /// <summary>The page size (limit) of the read; the continued read uses the same.</summary>
    public int PageSize { get; }

    /// <summary>The read's upper time bound (<c>dateRange.$lte</c>), pinned when it started.</summary>
    public DateTimeOffset Until { get; }

    // The fingerprint of the query the position belongs to (QueryFingerprint).
    internal string Query { get; }

    /// <summary>The position as compact JSON, to save.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() =>
        // Numbers, a fixed-form time and a hex fingerprint: nothing to escape, so plain text (a JSON writer
        // here costs a NativeAOT app several KB for five fields).
        string.Create(CultureInfo.InvariantCulture,
            $"{{\"version\":{Version},\"page\":{NextPage},\"pageSize\":{PageSize},\"until\":\"{Until.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\",\"query\":\"{Query}\"}}");

    /// <summary>Reads a position saved with <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The position.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a position this version can read; the message says what is wrong.</exception>
    public static EventReadPosition Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("it is not a JSON object");
            }

            var version = Number(root, "version", 1);
            if (version != Version)
            {
                throw Invalid($"its version is {version}; this library reads version {Version}");
            }

            var page = Number(root, "page", 1);
            var pageSize = Number(root, "pageSize", 1);
            if (pageSize > EventQuery.MaxPageSize)
            {
                throw Invalid($"\"pageSize\" is {pageSize}, over the API's {EventQuery.MaxPageSize}");
            }

            var until = Text(root, "until");
            if (!DateTimeOffset.TryParseExact(until, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var bound))
            {
                throw Invalid($"\"until\" is not a UTC time such as 2024-04-01T22:38:19.123Z: \"{until}\"");
            }

            return new EventReadPosition(page, pageSize, bound, Text(root, "query"));
        }
        catch (JsonException)
        {
            throw Invalid("it is not valid JSON");
        }
    }

    /// <summary>The position as JSON (it holds no secret).</summary>
    /// <returns>The JSON text.</returns>
    public override string ToString() => ToJson();

    private static int Number(JsonElement root, string name, int min) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min
            ? number
            : throw Invalid($"\"{name}\" is missing or not a whole number of at least {min}");

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw Invalid($"\"{name}\" is missing or not a string");

    private static FormatException Invalid(string problem) => new($"Not a saved read position ({nameof(EventReadPosition)}): {problem}.");
}
