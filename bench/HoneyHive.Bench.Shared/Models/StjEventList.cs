using System.Text.Json.Serialization;

namespace HoneyHive.Bench.Shared.Models;

/// <summary>The 200 body of GET /events and POST /events/export.</summary>
public sealed class StjEventList
{
    [JsonPropertyName("events")] public List<StjEvent>? Events { get; set; }

    /// <summary>Count of all events matching the filter, not of this page.</summary>
    [JsonPropertyName("totalEvents")] public long? TotalEvents { get; set; }
}
