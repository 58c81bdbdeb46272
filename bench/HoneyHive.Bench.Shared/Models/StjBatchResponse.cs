using System.Text.Json.Serialization;

namespace HoneyHive.Bench.Shared.Models;

/// <summary>
/// The POST /events/batch answer: on 200 event_ids/session_id/success; on a partial-success
/// 500 event_ids/errors/success=false. One type reads both so neither list is lost.
/// </summary>
public sealed class StjBatchResponse
{
    [JsonPropertyName("event_ids")] public List<string>? EventIds { get; set; }
    [JsonPropertyName("session_id")] public string? SessionId { get; set; }
    [JsonPropertyName("success")] public bool? Success { get; set; }
    [JsonPropertyName("errors")] public List<string>? Errors { get; set; }
}
