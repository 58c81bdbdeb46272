using System.Globalization;
using HoneyHive.Kiota.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoneyHive.SinkSample;

/// <summary>
/// The sample app: <c>GET /hello/{name}</c> answers at once and records one HoneyHive event through the
/// background <see cref="EventSink"/>; <c>GET /sink</c> shows the sink's counts. Stopping the app sends what
/// the sink still holds (<c>AddHoneyHiveEventSink</c> ties the sink to the host's shutdown).
/// </summary>
public static class SinkSampleApp
{
    /// <summary>The <c>event_name</c> of the events <c>GET /hello/{name}</c> records.</summary>
    public const string HelloEventName = "GET /hello";

    /// <summary>The project when <c>HoneyHive:Project</c> is not set.</summary>
    public const string DefaultProject = "sink-sample";

    /// <summary>How long a batch may wait before it is sent when <c>HoneyHive:Sink:FlushInterval</c> is not set.</summary>
    public static readonly TimeSpan DefaultFlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>Builds the app from the command line (and appsettings.json, environment variables).</summary>
    /// <param name="args">Command-line arguments, e.g. <c>--urls http://127.0.0.1:0 --HoneyHive:BaseUrl=…</c>.</param>
    /// <param name="configure">Runs before the configuration is read and the services are registered (tests add
    /// configuration or logging here).</param>
    /// <returns>The app, not started.</returns>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);

        // ApiKey (or HH_API_KEY), BaseUrl, timeouts, Retry: bound by the DI package's source-generated binder.
        var honeyHive = builder.Configuration.GetSection("HoneyHive");
        builder.Services.AddHoneyHiveClient(honeyHive);

        // EventSinkOptions holds a delegate (OnFailed), so it is not bound from configuration: the few settings
        // the sample exposes are read here.
        var flushInterval = ReadTimeSpan(honeyHive, "Sink:FlushInterval") ?? DefaultFlushInterval;
        var deadLetterPath = honeyHive["Sink:DeadLetterPath"];
        builder.Services.AddHoneyHiveEventSink(o =>
        {
            o.FlushInterval = flushInterval;
            o.DeadLetterPath = string.IsNullOrWhiteSpace(deadLetterPath) ? null : deadLetterPath;
        });

        // Events HoneyHive did not create are logged (and, with a DeadLetterPath, written there for `hh events send`).
        builder.Services.AddOptions<EventSinkOptions>().Configure<ILoggerFactory>((o, loggers) =>
        {
            var logger = loggers.CreateLogger(typeof(EventSink).FullName!);
            o.OnFailed = failed => SinkSampleLog.EventsFailed(logger, failed.Count, failed[0].EventId, failed[0].Error);
        });

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new HelloEvents(honeyHive["Project"] is { Length: > 0 } project ? project : DefaultProject, builder.Environment.EnvironmentName));

        var app = builder.Build();
        app.MapGet("/hello/{name}", Hello);
        app.MapGet("/sink", static ([FromServices] EventSink sink) => TypedResults.Json(sink.Counts, SinkSampleJsonContext.Default.EventSinkCounts));
        return app;
    }

    private static JsonHttpResult<HelloResponse> Hello(string name, [FromServices] EventSink sink, [FromServices] HelloEvents events, [FromServices] TimeProvider time)
    {
        var startTime = time.GetUtcNow();
        var started = time.GetTimestamp();
        var greeting = $"Hello, {name}!";
        var evt = events.Create(name, greeting, startTime, time.GetElapsedTime(started));

        // Returns at once: no network, nothing awaited. The sink gives the event its event_id here; false means
        // it was dropped (queue full, or the app is stopping), which /sink counts.
        sink.Enqueue(evt);
        return TypedResults.Json(new HelloResponse(greeting, evt.EventId!), SinkSampleJsonContext.Default.HelloResponse);
    }

    private static TimeSpan? ReadTimeSpan(IConfiguration section, string key)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw new InvalidOperationException($"HoneyHive:{key} must be a positive time span such as 00:00:02; got '{text}'.");
    }
}
