using System.Text.Json.Serialization;
using HoneyHive.Kiota.Ingestion;
using Microsoft.Extensions.Logging;

namespace HoneyHive.SinkSample;

/// <summary>The answer of <c>GET /hello/{name}</c>: the greeting and the <c>event_id</c> of the event it recorded.</summary>
/// <param name="Greeting">The greeting.</param>
/// <param name="EventId">The recorded event's id (assigned when it was enqueued, before it is sent).</param>
public sealed record HelloResponse(string Greeting, string EventId);

/// <summary>JSON by source generation (NativeAOT: no reflection), in HoneyHive's snake_case.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HelloResponse))]
[JsonSerializable(typeof(EventSinkCounts))]
internal sealed partial class SinkSampleJsonContext : JsonSerializerContext;

/// <summary>The sample's log messages (source-generated).</summary>
internal static partial class SinkSampleLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "HoneyHive did not create {Count} event(s); the first, {EventId}: {Reason}")]
    public static partial void EventsFailed(ILogger logger, int count, string eventId, string? reason);
}
