using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using HoneyHive.Kiota.Telemetry;

namespace HoneyHive.Kiota.EndToEnd.Tests.Telemetry;

/// <summary>Listens to the client's ActivitySource and Meter for one test, as an OpenTelemetry exporter would.</summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();

    public TelemetryRecorder()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HoneyHiveTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Activities.Add,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HoneyHiveTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Measurements.Add(new Measurement(instrument.Name, value, tags.ToArray())));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Measurements.Add(new Measurement(instrument.Name, value, tags.ToArray())));
        _meters.Start();
    }

    public ConcurrentBag<Activity> Activities { get; } = [];

    public ConcurrentBag<Measurement> Measurements { get; } = [];

    public IReadOnlyList<Activity> Spans(string name) => Activities.Where(a => a.OperationName == name).OrderBy(a => a.StartTimeUtc).ToList();

    public double Sum(string instrument, string? tag = null, object? value = null) =>
        Measurements.Where(m => m.Instrument == instrument && (tag is null || m.Tags.Any(t => t.Key == tag && Equals(t.Value, value)))).Sum(m => m.Value);

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    internal sealed record Measurement(string Instrument, double Value, KeyValuePair<string, object?>[] Tags);
}
