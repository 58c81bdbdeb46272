using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace HoneyHive.Bench.Shared.Models;

/// <summary>The optional <c>session_properties</c> of a batch body; every field optional.</summary>
public sealed class StjSessionProperties
{
    [JsonPropertyName("session_name")] public string? SessionName { get; set; }
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("session_id")] public string? SessionId { get; set; }
    [JsonPropertyName("config")] public JsonObject? Config { get; set; }
    [JsonPropertyName("inputs")] public JsonObject? Inputs { get; set; }
    [JsonPropertyName("outputs")] public JsonObject? Outputs { get; set; }
    [JsonPropertyName("error")] public string? Error { get; set; }
    [JsonPropertyName("metrics")] public JsonObject? Metrics { get; set; }
    [JsonPropertyName("feedback")] public JsonObject? Feedback { get; set; }
    [JsonPropertyName("metadata")] public JsonObject? Metadata { get; set; }
    [JsonPropertyName("user_properties")] public JsonObject? UserProperties { get; set; }
}
