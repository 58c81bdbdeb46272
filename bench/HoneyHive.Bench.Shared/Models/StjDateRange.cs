using System.Text.Json.Serialization;

namespace HoneyHive.Bench.Shared.Models;

/// <summary>The <c>dateRange</c> object: ISO-8601 bounds under <c>$gte</c>/<c>$lte</c>.</summary>
public sealed class StjDateRange
{
    [JsonPropertyName("$gte")] public string? Gte { get; set; }
    [JsonPropertyName("$lte")] public string? Lte { get; set; }
}
