using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using HoneyHive.Kiota.Testing;
using HoneyHive.Kiota.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace HoneyHive.SinkSample.Tests;

/// <summary>
/// An <see cref="InMemoryHoneyHive"/> that requires <see cref="ApiKey"/>, served on a loopback port, and the sample
/// app started in-process on another loopback port with <c>HoneyHive:BaseUrl</c> pointing at the fake.
/// </summary>
internal sealed class SampleServer : IAsyncDisposable
{
    public const string ApiKey = "hh-sink-sample-key-5f2a91";
    public const string Project = "sink-sample-tests";

    private readonly LoopbackHoneyHive _honeyHive;

    private SampleServer(InMemoryHoneyHive fake, LoopbackHoneyHive honeyHive, WebApplication app, HttpClient http, CapturingLogs logs)
    {
        Fake = fake;
        _honeyHive = honeyHive;
        App = app;
        Http = http;
        Logs = logs;
    }

    public InMemoryHoneyHive Fake { get; }

    public WebApplication App { get; }

    /// <summary>A client whose base address is the running app.</summary>
    public HttpClient Http { get; }

    /// <summary>Warnings and errors the app logged.</summary>
    public CapturingLogs Logs { get; }

    /// <summary>Starts the fake and the app, which sends with <paramref name="appApiKey"/>.</summary>
    public static async Task<SampleServer> StartAsync(string flushInterval, string appApiKey = ApiKey, string? deadLetterPath = null, Action<WebApplicationBuilder>? configure = null)
    {
        var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = ApiKey });
        var honeyHive = await LoopbackHoneyHive.StartAsync(fake);
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            $"--HoneyHive:BaseUrl={honeyHive.BaseAddress}",
            $"--HoneyHive:ApiKey={appApiKey}",
            $"--HoneyHive:Project={Project}",
            $"--HoneyHive:Sink:FlushInterval={flushInterval}",
            $"--HoneyHive:Sink:DeadLetterPath={deadLetterPath}",
            "--Logging:LogLevel:Default=Warning",
        ];
        var logs = new CapturingLogs();
        var app = SinkSampleApp.Build(args, builder =>
        {
            builder.Logging.AddProvider(logs);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        return new SampleServer(fake, honeyHive, app, http, logs);
    }

    /// <summary>Sends <c>GET /hello/{name}</c>; returns the event id the answer names.</summary>
    public async Task<string> SayHelloAsync(string name) => Assert.Single(await SayHelloAsync([name])).Key;

    /// <summary>Sends <c>GET /hello/{name}</c> for every name, a few at a time; returns the event id each answer names.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SayHelloAsync(IEnumerable<string> names)
    {
        var eventIds = new ConcurrentDictionary<string, string>();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (name, cancellationToken) =>
        {
            using var response = await Http.GetAsync(new Uri($"hello/{Uri.EscapeDataString(name)}", UriKind.Relative), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /hello/{name}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            var json = Assert.IsType<JsonObject>(JsonNode.Parse(body));
            Assert.Equal($"Hello, {name}!", (string?)json["greeting"]);
            var eventId = (string?)json["event_id"];
            Assert.True(Guid.TryParse(eventId, out _), $"event_id is not a UUID: {body}");
            Assert.True(eventIds.TryAdd(eventId!, name), $"event_id {eventId} answered twice");
        });
        return eventIds;
    }

    /// <summary><c>GET /sink</c>.</summary>
    public async Task<SinkCounts> GetCountsAsync()
    {
        var body = await Http.GetStringAsync(new Uri("sink", UriKind.Relative));
        return SinkCounts.Parse(body);
    }

    /// <summary>Polls <c>GET /sink</c> until <paramref name="done"/> holds or 20 s pass; returns the last counts either way.</summary>
    public async Task<SinkCounts> WaitForCountsAsync(Func<SinkCounts, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var counts = await GetCountsAsync();
            if (done(counts) || DateTime.UtcNow > deadline)
            {
                return counts;
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await _honeyHive.DisposeAsync();
        Fake.Dispose();
    }
}

/// <summary>The body of <c>GET /sink</c>, every field required.</summary>
internal sealed record SinkCounts(long Enqueued, long Dropped, long Created, long Failed, long DeadLettered, long Pending)
{
    public static SinkCounts Parse(string body)
    {
        var json = Assert.IsType<JsonObject>(JsonNode.Parse(body));
        Assert.Equal(["created", "dead_lettered", "dropped", "enqueued", "failed", "pending"], json.Select(p => p.Key).Order(StringComparer.Ordinal));
        long Get(string name) => json[name]?.GetValue<long>() ?? throw new Xunit.Sdk.XunitException($"/sink has no {name}: {body}");
        return new SinkCounts(Get("enqueued"), Get("dropped"), Get("created"), Get("failed"), Get("dead_lettered"), Get("pending"));
    }
}

/// <summary>Keeps what the app logs at Warning and above.</summary>
internal sealed class CapturingLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)> _entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string, IReadOnlyList<KeyValuePair<string, object?>>)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue((category, logLevel, formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
            }
        }
    }
}
