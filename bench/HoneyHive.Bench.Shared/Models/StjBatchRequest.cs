using System.Text.Json.Serialization;

namespace HoneyHive.Bench.Shared.Models;

/// <summary>The POST /events/batch body.</summary>
public sealed class StjBatchRequest
{
    [JsonPropertyName("events")] public List<StjCreateEventRequest> Events { get; set; } = [];
    [JsonPropertyName("is_single_session")] public bool? IsSingleSession { get; set; }
    [JsonPropertyName("session_properties")] public StjSessionProperties? SessionProperties { get; set; }
}
