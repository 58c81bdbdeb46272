using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

/// <summary>
/// Turns a <c>CreateEventRequest</c> (or a seeded event) into the stored <c>Event</c> shape:
/// <c>project</c> becomes <c>project_id</c>, ids are assigned, and the documented fields appear in the
/// documented order with the defaults HoneyHive returns (empty objects/arrays, null parent and error).
/// Unknown fields are kept, after the documented ones.
/// </summary>
internal static class EventShape
{
    public static JsonObject Normalize(JsonObject request, string? forcedSessionId, long nowMs)
    {
        var source = (JsonObject)request.DeepClone();
        if (source.Remove("project", out var project) && !source.ContainsKey("project_id"))
        {
            source["project_id"] = project;
        }

        // start_time defaults to "now"; end_time to start + duration; duration to end - start.
        JsonNode start = Take(source, "start_time") ?? JsonValue.Create(nowMs);
        var duration = Take(source, "duration");
        var end = Take(source, "end_time");
        var startMs = TimeValue.TryGetUnixMilliseconds(start, out var s) ? s : (long?)null;
        var endMs = TimeValue.TryGetUnixMilliseconds(end, out var e) ? e : (long?)null;
        if (end is null)
        {
            end = startMs is { } st && JsonNumber.TryGetDouble(duration, out var d)
                ? JsonValue.Create(st + (long)d)
                : start.DeepClone();
        }

        duration ??= JsonValue.Create(startMs is { } a && endMs is { } b ? b - a : 0L);

        var result = new JsonObject
        {
            ["project_id"] = Take(source, "project_id"),
            ["source"] = Take(source, "source"),
            ["session_id"] = forcedSessionId is null ? Take(source, "session_id") ?? NewId() : Replace(source, "session_id", forcedSessionId),
            ["event_id"] = Take(source, "event_id") is { } id && IsNonEmptyString(id) ? id : NewId(),
            ["parent_id"] = Take(source, "parent_id"),
            ["event_type"] = Take(source, "event_type"),
            ["event_name"] = Take(source, "event_name"),
            ["config"] = Take(source, "config") ?? new JsonObject(),
            ["children_ids"] = Take(source, "children_ids") ?? new JsonArray(),
            ["inputs"] = Take(source, "inputs") ?? new JsonObject(),
            ["outputs"] = Take(source, "outputs") ?? new JsonObject(),
            ["error"] = Take(source, "error"),
            ["start_time"] = start,
            ["end_time"] = end,
            ["duration"] = duration,
            ["metadata"] = Take(source, "metadata") ?? new JsonObject(),
            ["feedback"] = Take(source, "feedback") ?? new JsonObject(),
            ["metrics"] = Take(source, "metrics") ?? new JsonObject(),
            ["user_properties"] = Take(source, "user_properties") ?? new JsonObject(),
        };

        foreach (var name in source.Select(p => p.Key).ToList())
        {
            result[name] = Take(source, name);
        }

        return result;
    }

    public static string EventId(JsonObject evt) => evt["event_id"]!.GetValue<string>();

    public static string NewId() => Guid.NewGuid().ToString();

    public static bool IsNonEmptyString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0;

    // Detach the node from its parent so it can be re-parented into the result.
    private static JsonNode? Take(JsonObject source, string name) =>
        source.Remove(name, out var node) ? node : null;

    private static JsonNode Replace(JsonObject source, string name, string replacement)
    {
        source.Remove(name);
        return JsonValue.Create(replacement);
    }
}
