using System.Text.Json.Serialization;

namespace HoneyHive.Bench.Shared.Models;

/// <summary>One filter: <c>field</c> is a dotted path; <c>value</c> is always a string.</summary>
/// <remarks>Operator and type stay strings so values added by later API versions read fine.</remarks>
public sealed class StjEventFilter
{
    [JsonPropertyName("field")] public string? Field { get; set; }
    [JsonPropertyName("value")] public string? Value { get; set; }
    [JsonPropertyName("operator")] public string? Operator { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
}
