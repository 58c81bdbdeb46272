using System.Text.Json.Nodes;
using HoneyHive.Kiota.Ingestion;
using HoneyHive.Kiota.Models;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HoneyHive.SinkSample.Tests;

/// <summary>The sample app end to end: requests record events in the background, and stopping the app sends the rest.</summary>
public sealed class SinkSampleTests
{
    private const int Requests = 50;

    private static string[] Names(int count) => [.. Enumerable.Range(0, count).Select(i => $"user {i}")];

    [Fact]
    public async Task Every_request_records_one_event_and_the_flush_interval_sends_it_while_the_app_runs()
    {
        await using var server = await SampleServer.StartAsync(flushInterval: "00:00:00.1");

        var answered = await server.SayHelloAsync(Names(Requests));

        // The interval, not the shutdown, sends them: the counts settle while the app is still serving.
        var counts = await server.WaitForCountsAsync(c => c.Created == Requests);
        Assert.Equal(new SinkCounts(Enqueued: Requests, Dropped: 0, Created: Requests, Failed: 0, DeadLettered: 0, Pending: 0), counts);
        Assert.Equal(Requests, server.Fake.Events.Count);

        await server.App.StopAsync();

        // Exactly one event per request, each once, each the one its answer named.
        var events = server.Fake.Events;
        Assert.Equal(Requests, events.Count);
        Assert.Equal(0, server.Fake.RepeatedEventCount);
        AssertHelloEvents(answered, events);
        Assert.Equal(counts, ToSinkCounts(server.App.Services.GetRequiredService<EventSink>().Counts));
        AssertNothingFailed(server);
    }

    [Fact]
    public async Task Events_still_queued_when_the_app_stops_are_sent_by_the_shutdown()
    {
        // An interval no test outlives: only stopping the app can send these events.
        await using var server = await SampleServer.StartAsync(flushInterval: "01:00:00");

        var answered = await server.SayHelloAsync(Names(Requests));

        // Every request was answered without anything sent: the handler does not wait for HoneyHive.
        Assert.Equal(new SinkCounts(Enqueued: Requests, Dropped: 0, Created: 0, Failed: 0, DeadLettered: 0, Pending: Requests), await server.GetCountsAsync());
        Assert.Empty(server.Fake.Events);
        Assert.DoesNotContain(server.Fake.Requests, r => r.PathAndQuery.StartsWith("/events/batch", StringComparison.Ordinal));

        await server.App.StopAsync();

        AssertHelloEvents(answered, server.Fake.Events);
        Assert.Single(server.Fake.Requests, r => r.PathAndQuery.StartsWith("/events/batch", StringComparison.Ordinal));
        var sink = server.App.Services.GetRequiredService<EventSink>();
        Assert.Equal(new SinkCounts(Enqueued: Requests, Dropped: 0, Created: Requests, Failed: 0, DeadLettered: 0, Pending: 0), ToSinkCounts(sink.Counts));

        // The host disposed the sink once the web server had stopped: nothing more is accepted.
        Assert.False(sink.Enqueue(new CreateEventRequest { Project = SampleServer.Project, EventName = "late", EventType = CreateEventType.Tool }));
        AssertNothingFailed(server);
    }

    [Fact]
    public async Task A_request_still_being_served_when_the_app_stops_has_its_event_sent()
    {
        var held = new HeldRequests("/hello/held");
        await using var server = await SampleServer.StartAsync(flushInterval: "01:00:00", configure: b => b.Services.AddSingleton<IStartupFilter>(held));
        var early = await server.SayHelloAsync("early");
        var late = server.SayHelloAsync("held");
        await held.Entered.WaitAsync(TimeSpan.FromSeconds(20));

        // Stop while that request is held in the pipeline.
        var stopping = server.App.StopAsync();
        var stoppingSignal = new TaskCompletionSource();
        using (server.App.Lifetime.ApplicationStopping.Register(() => stoppingSignal.TrySetResult()))
        {
            await stoppingSignal.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }

        // The flush starts when the host starts stopping, not after the web server has drained: the event
        // of the answered request is sent while the other request is still held.
        var waited = DateTime.UtcNow;
        while (server.Fake.Events.Count == 0 && DateTime.UtcNow - waited < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(10);
        }

        Assert.Equal([early], server.Fake.Events.Select(e => (string)e["event_id"]!));

        // The request finishes while the app is stopping: its event is enqueued then, and still sent.
        held.Release();
        var lateId = await late;
        await stopping;

        AssertHelloEvents(new Dictionary<string, string> { [early] = "early", [lateId] = "held" }, server.Fake.Events);
        Assert.Equal(new SinkCounts(Enqueued: 2, Dropped: 0, Created: 2, Failed: 0, DeadLettered: 0, Pending: 0), ToSinkCounts(server.App.Services.GetRequiredService<EventSink>().Counts));
        AssertNothingFailed(server);
    }

    [Fact]
    public async Task When_HoneyHive_refuses_the_events_requests_still_succeed_and_the_events_are_logged_and_dead_lettered()
    {
        var deadLetters = Path.Combine(Path.GetTempPath(), $"sink-sample-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using var server = await SampleServer.StartAsync(flushInterval: "00:00:00.1", appApiKey: "not-the-key", deadLetterPath: deadLetters);

            var answered = await server.SayHelloAsync(Names(10));

            var counts = await server.WaitForCountsAsync(c => c.Pending == 0);
            Assert.Equal(new SinkCounts(Enqueued: 10, Dropped: 0, Created: 0, Failed: 10, DeadLettered: 10, Pending: 0), counts);
            Assert.Empty(server.Fake.Events);

            var failures = server.Logs.Entries.Where(e => e.Category == typeof(EventSink).FullName).ToList();
            Assert.NotEmpty(failures);
            Assert.All(failures, e => Assert.Equal(LogLevel.Warning, e.Level));
            Assert.Equal(10, failures.Sum(e => Convert.ToInt32(e.State.Single(p => p.Key == "Count").Value, System.Globalization.CultureInfo.InvariantCulture)));

            await server.App.StopAsync();

            // One line per failed event, in the batch request's shape, under the id its answer named.
            var lines = File.ReadAllLines(deadLetters);
            var ids = lines.Select(line => (string)JsonNode.Parse(line)!["event_id"]!).ToHashSet();
            Assert.Equal(answered.Keys.ToHashSet(), ids);
        }
        finally
        {
            File.Delete(deadLetters);
        }
    }

    private static void AssertHelloEvents(IReadOnlyDictionary<string, string> answered, IReadOnlyList<JsonObject> events)
    {
        Assert.Equal(answered.Count, events.Count);
        Assert.Equal(answered.Keys.Order(StringComparer.Ordinal), events.Select(e => (string)e["event_id"]!).Order(StringComparer.Ordinal));
        foreach (var e in events)
        {
            var name = answered[(string)e["event_id"]!];
            Assert.Equal(SampleServer.Project, (string?)e["project_id"]);
            Assert.Equal(SinkSampleApp.HelloEventName, (string?)e["event_name"]);
            Assert.Equal("tool", (string?)e["event_type"]);
            Assert.Equal("Production", (string?)e["source"]);
            Assert.True(JsonNode.DeepEquals(new JsonObject { ["name"] = name }, e["inputs"]), e.ToJsonString());
            Assert.True(JsonNode.DeepEquals(new JsonObject { ["greeting"] = $"Hello, {name}!" }, e["outputs"]), e.ToJsonString());
            Assert.InRange(e["duration"]!.GetValue<double>(), 0, 10_000);
            Assert.InRange(e["start_time"]!.GetValue<long>(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        }
    }

    // No event reported failed, no request or host error (warnings from elsewhere, e.g. a CI machine's
    // ASPNETCORE_HTTP_PORTS overridden by --urls, are not the app's doing).
    private static void AssertNothingFailed(SampleServer server) =>
        Assert.DoesNotContain(server.Logs.Entries, e => e.Level >= LogLevel.Error || e.Category == typeof(EventSink).FullName);

    private static SinkCounts ToSinkCounts(EventSinkCounts c) => new(c.Enqueued, c.Dropped, c.Created, c.Failed, c.DeadLettered, c.Pending);
}
