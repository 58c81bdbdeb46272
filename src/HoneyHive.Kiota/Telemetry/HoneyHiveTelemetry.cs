using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HoneyHive.Kiota.Telemetry;

/// <summary>
/// The client's traces and metrics, on the BCL's <see cref="ActivitySource"/> and <see cref="Meter"/>: no
/// dependency, and nothing is recorded unless the app listens (OpenTelemetry's
/// <c>AddSource("HoneyHive.Kiota")</c> / <c>AddMeter("HoneyHive.Kiota")</c>, or any listener).
/// </summary>
/// <remarks>
/// Spans: one per API call (<c>HoneyHive GET /events</c>, … covering every attempt, with the attempts and
/// each retry as an event), one per page of a paged read, one per batch chunk. Metrics:
/// <c>honeyhive.client.request.duration</c> (s), <c>honeyhive.client.retries</c>,
/// <c>honeyhive.client.events.read</c>, <c>honeyhive.client.events.created</c>,
/// <c>honeyhive.client.events.failed</c>, <c>honeyhive.client.sink.enqueued</c>, <c>honeyhive.client.sink.dropped</c>. No tag or event ever carries the API key, a header or a body.
/// </remarks>
public static class HoneyHiveTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="Meter"/>.</summary>
    public const string Name = ClientVersion.ProductName;

    internal static readonly ActivitySource Source = new(Name, ClientVersion.Version);

    internal static readonly Meter Meter = new(Name, ClientVersion.Version);

    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "honeyhive.client.request.duration", "s", "Duration of HoneyHive API calls, every attempt included.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "honeyhive.client.retries", "{retry}", "Attempts repeated after a transient failure.");

    internal static readonly Counter<long> EventsRead = Meter.CreateCounter<long>(
        "honeyhive.client.events.read", "{event}", "Events delivered by paged reads (GET /events, POST /events/export).");

    internal static readonly Counter<long> EventsCreated = Meter.CreateCounter<long>(
        "honeyhive.client.events.created", "{event}", "Events POST /events/batch created.");

    internal static readonly Counter<long> EventsFailed = Meter.CreateCounter<long>(
        "honeyhive.client.events.failed", "{event}", "Events POST /events/batch did not create, or that were failed before a request could carry them.");

    internal static readonly Counter<long> SinkEnqueued = Meter.CreateCounter<long>(
        "honeyhive.client.sink.enqueued", "{event}", "Events offered to an EventSink.");

    internal static readonly Counter<long> SinkDropped = Meter.CreateCounter<long>(
        "honeyhive.client.sink.dropped", "{event}", "Events an EventSink dropped: queue full, or offered after disposal (tag honeyhive.sink.drop_reason).");
}
