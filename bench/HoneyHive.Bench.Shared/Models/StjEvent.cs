using System.Text.Json;
using System.Text.Json.Serialization;

namespace HoneyHive.Bench.Shared.Models;

/// <summary>An event as the server returns it (GET /events, POST /events/export).</summary>
/// <remarks>
/// Free-form fields are <see cref="JsonElement"/>: reading them must not force a shape, and
/// JsonElement is the cheapest lossless holder STJ offers. start_time/end_time stay
/// JsonElement because the seeds send strings ("2024-04-01 22:38:19") while HoneyHive's SDKs
/// declare Unix-ms numbers; a plain baseline keeps whichever arrived.
/// </remarks>
public sealed class StjEvent
{
    [JsonPropertyName("project_id")] public string? ProjectId { get; set; }
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("session_id")] public string? SessionId { get; set; }
    [JsonPropertyName("event_id")] public string? EventId { get; set; }
    [JsonPropertyName("parent_id")] public string? ParentId { get; set; }
    [JsonPropertyName("event_type")] public string? EventType { get; set; }
    [JsonPropertyName("event_name")] public string? EventName { get; set; }
    [JsonPropertyName("config")] public JsonElement? Config { get; set; }
    [JsonPropertyName("children_ids")] public List<string>? ChildrenIds { get; set; }
    [JsonPropertyName("inputs")] public JsonElement? Inputs { get; set; }
    [JsonPropertyName("outputs")] public JsonElement? Outputs { get; set; }
    [JsonPropertyName("error")] public string? Error { get; set; }
    [JsonPropertyName("start_time")] public JsonElement? StartTime { get; set; }
    [JsonPropertyName("end_time")] public JsonElement? EndTime { get; set; }
    [JsonPropertyName("duration")] public double? Duration { get; set; }
    [JsonPropertyName("metadata")] public JsonElement? Metadata { get; set; }
    [JsonPropertyName("feedback")] public JsonElement? Feedback { get; set; }
    [JsonPropertyName("metrics")] public JsonElement? Metrics { get; set; }
    [JsonPropertyName("user_properties")] public JsonElement? UserProperties { get; set; }
}
