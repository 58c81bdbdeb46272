using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace HoneyHive.Bench.Shared.Models;

/// <summary>One event inside a POST /events/batch body.</summary>
/// <remarks>
/// Same fields as <see cref="StjEvent"/> but <c>project</c> instead of <c>project_id</c> and
/// Unix-millisecond numbers for start_time/end_time. Free-form fields are
/// <see cref="JsonObject"/> because callers build them in code.
/// </remarks>
public sealed class StjCreateEventRequest
{
    [JsonPropertyName("project")] public string? Project { get; set; }
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("event_name")] public string? EventName { get; set; }
    [JsonPropertyName("event_type")] public string? EventType { get; set; }
    [JsonPropertyName("event_id")] public string? EventId { get; set; }
    [JsonPropertyName("session_id")] public string? SessionId { get; set; }
    [JsonPropertyName("parent_id")] public string? ParentId { get; set; }
    [JsonPropertyName("children_ids")] public List<string>? ChildrenIds { get; set; }
    [JsonPropertyName("config")] public JsonObject? Config { get; set; }
    [JsonPropertyName("inputs")] public JsonObject? Inputs { get; set; }
    [JsonPropertyName("outputs")] public JsonObject? Outputs { get; set; }
    [JsonPropertyName("error")] public string? Error { get; set; }
    [JsonPropertyName("start_time")] public long? StartTime { get; set; }
    [JsonPropertyName("end_time")] public long? EndTime { get; set; }
    [JsonPropertyName("duration")] public double? Duration { get; set; }
    [JsonPropertyName("metadata")] public JsonObject? Metadata { get; set; }
    [JsonPropertyName("feedback")] public JsonObject? Feedback { get; set; }
    [JsonPropertyName("metrics")] public JsonObject? Metrics { get; set; }
    [JsonPropertyName("user_properties")] public JsonObject? UserProperties { get; set; }
}
