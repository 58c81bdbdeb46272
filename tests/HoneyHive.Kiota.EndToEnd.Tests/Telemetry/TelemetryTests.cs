using System.Diagnostics;
using System.Net;
using HoneyHive.Kiota.Batching;
using HoneyHive.Kiota.EndToEnd.Tests.Support;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Pagination;
using HoneyHive.Kiota.Testing;

namespace HoneyHive.Kiota.EndToEnd.Tests.Telemetry;

[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>The client's spans and metrics, as a listener sees them. Not run beside other tests: listeners are process-wide.</summary>
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_paged_export_has_a_span_per_page_with_its_call_inside_and_counts_the_events()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Clients.ApiKey });
        fake.AddEvents(Enumerable.Range(0, 250).Select(i => new System.Text.Json.Nodes.JsonObject { ["project"] = Clients.Project, ["event_id"] = SampleEvents.Id(i), ["event_type"] = "model" }));
        using var client = Clients.ForHandler(fake);
        using var recorder = new TelemetryRecorder();

        var read = 0;
        await foreach (var _ in client.ExportEventsAsync(new EventQuery(Clients.Project) { PageSize = 100 }))
        {
            read++;
        }

        Assert.Equal(250, read);
        var pages = recorder.Spans("HoneyHive page");
        Assert.Equal([1, 2, 3], pages.Select(p => (int)p.GetTagItem("honeyhive.page")!));
        Assert.Equal([100, 100, 50], pages.Select(p => (int)p.GetTagItem("honeyhive.events")!));
        var calls = recorder.Spans("HoneyHive POST /events/export");
        Assert.Equal(3, calls.Count);
        Assert.All(calls, call =>
        {
            Assert.Equal(ActivityKind.Client, call.Kind);
            Assert.Equal(200, call.GetTagItem("http.response.status_code"));
            Assert.Equal(1, call.GetTagItem("honeyhive.attempts"));
            Assert.Equal("POST", call.GetTagItem("http.request.method"));
            Assert.Contains(pages, page => page.SpanId == call.ParentSpanId);
        });
        Assert.Equal(250, recorder.Sum("honeyhive.client.events.read", "honeyhive.endpoint", "POST /events/export"));
        Assert.Equal(3, recorder.Measurements.Count(m => m.Instrument == "honeyhive.client.request.duration"));
    }

    [Fact]
    public async Task A_caller_that_stops_mid_page_has_the_events_it_was_given_counted()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Clients.ApiKey });
        fake.AddEvents(Enumerable.Range(0, 250).Select(i => new System.Text.Json.Nodes.JsonObject { ["project"] = Clients.Project, ["event_id"] = SampleEvents.Id(i), ["event_type"] = "model" }));
        using var client = Clients.ForHandler(fake);
        using var recorder = new TelemetryRecorder();

        var read = 0;
        await foreach (var _ in client.GetEventsAsync(new EventQuery(Clients.Project) { PageSize = 100, MaxConcurrency = 2 }))
        {
            if (++read == 130)
            {
                break;
            }
        }

        // A whole first page and 30 of the second: delivered, and counted as such.
        Assert.Equal(130, recorder.Sum("honeyhive.client.events.read", "honeyhive.endpoint", "GET /events"));
    }

    [Fact]
    public async Task A_page_body_cut_short_is_counted_as_a_retry_for_invalid_json()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Clients.ApiKey });
        fake.AddEvents(new System.Text.Json.Nodes.JsonObject { ["project"] = Clients.Project, ["event_id"] = "one", ["event_type"] = "model", ["start_time"] = 1_714_978_764_301L });
        fake.Faults.TruncateBody(path: "/events/export");
        using var client = Clients.ForHandler(fake, Clients.FastRetry(3));
        using var recorder = new TelemetryRecorder();

        var read = 0;
        await foreach (var _ in client.ExportEventsAsync(new EventQuery(Clients.Project)))
        {
            read++;
        }

        Assert.Equal(1, read);
        Assert.Equal(1, recorder.Sum("honeyhive.client.retries", "honeyhive.retry.reason", "invalid_json"));
        Assert.Equal(1, recorder.Sum("honeyhive.client.events.read", "honeyhive.endpoint", "POST /events/export"));
    }

    [Fact]
    public async Task A_retry_is_visible_on_the_span_and_in_the_retry_counter()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Clients.ApiKey });
        fake.Faults.RespondWithStatus(HttpStatusCode.ServiceUnavailable);
        using var client = Clients.ForHandler(fake, Clients.FastRetry(3));
        using var recorder = new TelemetryRecorder();

        await Reads.GetPageAsync(client);

        var call = Assert.Single(recorder.Spans("HoneyHive GET /events"));
        Assert.Equal(2, call.GetTagItem("honeyhive.attempts"));
        Assert.Equal(200, call.GetTagItem("http.response.status_code"));
        var retry = Assert.Single(call.Events);
        Assert.Equal("retry", retry.Name);
        Assert.Equal("503", retry.Tags.Single(t => t.Key == "honeyhive.retry.reason").Value);
        Assert.Equal(1, retry.Tags.Single(t => t.Key == "honeyhive.retry.attempt").Value);
        Assert.Equal(1, recorder.Sum("honeyhive.client.retries", "honeyhive.retry.reason", "503"));
    }

    [Fact]
    public async Task A_failed_call_marks_its_span_and_its_duration_with_the_error()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Clients.ApiKey });
        fake.Faults.FailConnection(times: 10);
        using var client = Clients.ForHandler(fake, Clients.FastRetry(3));
        using var recorder = new TelemetryRecorder();

        await Assert.ThrowsAsync<HoneyHiveConnectionException>(() => Reads.GetPageAsync(client));

        var call = Assert.Single(recorder.Spans("HoneyHive GET /events"));
        Assert.Equal(ActivityStatusCode.Error, call.Status);
        Assert.Equal(nameof(HoneyHiveConnectionException), call.GetTagItem("error.type"));
        Assert.Equal(4, call.GetTagItem("honeyhive.attempts"));
        var duration = Assert.Single(recorder.Measurements, m => m.Instrument == "honeyhive.client.request.duration");
        Assert.Contains(duration.Tags, t => t.Key == "error.type" && (string?)t.Value == nameof(HoneyHiveConnectionException));
    }

    [Fact]
    public async Task Each_batch_chunk_has_a_span_and_the_outcomes_are_counted()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Clients.ApiKey });
        fake.Faults.FailBatchEventsAt(1);
        using var client = Clients.ForHandler(fake);
        using var recorder = new TelemetryRecorder();

        var result = await client.CreateEventsAsync(Enumerable.Range(0, 5).Select(SampleEvents.Create), new BatchOptions { BatchSize = 2 });

        Assert.Equal(4, result.CreatedCount);
        var chunks = recorder.Spans("HoneyHive batch chunk");
        Assert.Equal([0, 1, 2], chunks.Select(c => (int)c.GetTagItem("honeyhive.batch.chunk")!));
        Assert.Equal([2, 2, 1], chunks.Select(c => (int)c.GetTagItem("honeyhive.events")!));
        Assert.Equal([1, 2, 1], chunks.Select(c => (int)c.GetTagItem("honeyhive.batch.created")!));
        Assert.Equal(ActivityStatusCode.Error, chunks[0].Status);
        Assert.Equal(4, recorder.Sum("honeyhive.client.events.created"));
        Assert.Equal(1, recorder.Sum("honeyhive.client.events.failed"));
        Assert.Equal(3, recorder.Spans("HoneyHive POST /events/batch").Count);
    }

    [Fact]
    public async Task Nothing_recorded_carries_the_api_key()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Clients.ApiKey });
        fake.Faults.RespondWithStatus(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.Zero);
        using var client = Clients.ForHandler(fake, Clients.FastRetry(3));
        using var recorder = new TelemetryRecorder();

        await client.CreateEventsAsync([SampleEvents.Create(0)]);
        await Reads.GetPageAsync(client);

        var texts = recorder.Activities.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}")
                .Concat(a.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}")))
                .Append(a.DisplayName).Append(a.StatusDescription ?? string.Empty))
            .Concat(recorder.Measurements.SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}")))
            .ToList();
        Assert.NotEmpty(texts);
        Assert.DoesNotContain(texts, text => text.Contains(Clients.ApiKey, StringComparison.Ordinal) || text.Contains("Bearer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sink_counts_what_it_is_given_what_it_drops_and_what_it_creates()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = Clients.ApiKey });
        using var client = Clients.ForHandler(fake);
        using var recorder = new TelemetryRecorder();
        var sink = new HoneyHive.Kiota.Ingestion.EventSink(client, new HoneyHive.Kiota.Ingestion.EventSinkOptions { FlushInterval = TimeSpan.FromHours(1) });
        for (var i = 0; i < 7; i++)
        {
            sink.Enqueue(Reads.NewEvent(i));
        }

        await sink.DisposeAsync();
        sink.Enqueue(Reads.NewEvent(8));

        Assert.Equal(8, recorder.Sum("honeyhive.client.sink.enqueued"));
        Assert.Equal(1, recorder.Sum("honeyhive.client.sink.dropped", "honeyhive.sink.drop_reason", "closed"));
        Assert.Equal(7, recorder.Sum("honeyhive.client.events.created"));
    }
}
