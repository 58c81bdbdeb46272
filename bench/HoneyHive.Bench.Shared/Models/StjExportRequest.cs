using System.Text.Json.Serialization;

namespace HoneyHive.Bench.Shared.Models;

/// <summary>The POST /events/export body (note camelCase <c>dateRange</c>, as in the API).</summary>
public sealed class StjExportRequest
{
    [JsonPropertyName("project")] public string Project { get; set; } = "";
    [JsonPropertyName("filters")] public List<StjEventFilter> Filters { get; set; } = [];
    [JsonPropertyName("dateRange")] public StjDateRange? DateRange { get; set; }
    [JsonPropertyName("projections")] public List<string>? Projections { get; set; }
    [JsonPropertyName("limit")] public int? Limit { get; set; }
    [JsonPropertyName("page")] public int? Page { get; set; }
}
