using System.Text.Json.Serialization;

namespace HoneyHive.Bench.Shared.Models;

/// <summary>
/// Source-generated metadata for every model: no reflection at run time, so it is trim- and
/// NativeAOT-safe. Nulls are omitted when writing because the API treats absent and null
/// optional fields alike and smaller bodies are what a careful hand-written client sends.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StjEventList))]
[JsonSerializable(typeof(StjEvent))]
[JsonSerializable(typeof(StjExportRequest))]
[JsonSerializable(typeof(List<StjEventFilter>))] // GET /events sends filters as a JSON query value
[JsonSerializable(typeof(StjDateRange))]          // ... and dateRange too
[JsonSerializable(typeof(StjBatchRequest))]
[JsonSerializable(typeof(StjBatchResponse))]
public sealed partial class StjContext : JsonSerializerContext;
