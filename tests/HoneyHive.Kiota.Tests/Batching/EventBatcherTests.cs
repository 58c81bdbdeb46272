using System.Net;
using System.Text.Json.Nodes;
using HoneyHive.Kiota.Batching;
using HoneyHive.Kiota.Models;
using Xunit;

namespace HoneyHive.Kiota.Tests.Batching;

public sealed class EventBatcherTests
{
    private static List<CreateEventRequest> NewEvents(int count, Func<int, string?>? id = null) =>
        Enumerable.Range(0, count).Select(i => new CreateEventRequest
        {
            Project = "Simple RAG",
            EventType = CreateEventType.Model,
            EventName = $"call {i}",
            Source = "test",
            EventId = id?.Invoke(i),
            Inputs = new JsonObject { ["i"] = i }.ToUntypedNode(),
            StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1714978764301),
        }).ToList();

    private static void AssertNothingLost(BatchResult result, int total)
    {
        Assert.Equal(total, result.TotalCount);
        Assert.Equal(total, result.CreatedCount + result.FailedCount);
        Assert.Equal(Enumerable.Range(0, total), result.Outcomes.Select(o => o.Index));
        Assert.Equal(total, result.Outcomes.Select(o => o.EventId).Distinct().Count());
    }

    [Fact]
    public async Task A_partial_failure_inside_one_chunk_of_10001_events_names_exactly_the_failed_events()
    {
        const int total = 10_001;
        const int failingChunk = 7;
        var events = NewEvents(total);
        string[] failedIds = [];
        var server = new FakeBatchServer((n, ids) =>
        {
            if (n != failingChunk) return FakeBatchServer.Created(ids);

            // Three events of the chunk fail; the server names one of them in its error text and
            // gives the other two generic errors, listed after it.
            failedIds = [ids[3], ids[250], ids[499]];
            return FakeBatchServer.Partial(
                ids.Except(failedIds),
                ["validation failed: field 'config' is required", $"event {ids[250]}: duplicate key", "internal error while writing"]);
        });

        var result = await new EventBatcher(server.Api).SendAsync(events);

        AssertNothingLost(result, total);
        Assert.Equal(21, server.Requests.Count);
        Assert.Equal([500, 500, 500], server.Requests.Take(3).Select(r => r.EventIds.Count));
        Assert.Single(server.Requests[^1].EventIds);
        Assert.Equal(failedIds, result.Failed.Select(o => o.EventId));
        Assert.Equal([failingChunk * 500 + 3, failingChunk * 500 + 250, failingChunk * 500 + 499], result.Failed.Select(o => o.Index));
        Assert.Equal(total - 3, result.CreatedCount);
        Assert.False(result.IsSuccess);

        // The error naming an event goes to it; the others take the remaining errors in order.
        Assert.Equal("validation failed: field 'config' is required", result.Failed[0].Error);
        Assert.Equal($"event {failedIds[1]}: duplicate key", result.Failed[1].Error);
        Assert.Equal("internal error while writing", result.Failed[2].Error);

        // Every id the result names went over the wire, once.
        Assert.Equal(result.Outcomes.Select(o => o.EventId), server.AllSentIds);

        var error = Assert.Throws<BatchFailedException>(() => result.EnsureSuccess());
        Assert.Equal(failedIds, error.FailedEventIds);
        Assert.Contains(failedIds[0], error.Message, StringComparison.Ordinal);
        Assert.StartsWith("3 of 10001 events were not created", error.Message, StringComparison.Ordinal);
        Assert.Same(result, error.Result);

        // Printable as it is.
        Assert.Null(result.SessionId);
        Assert.Equal("BatchResult { 10001 events: 9998 created, 3 failed, 0 canceled }", result.ToString());
        Assert.Equal($"#{result.Failed[0].Index} {failedIds[0]}: Failed (validation failed: field 'config' is required)", result.Failed[0].ToString());
    }

    [Fact]
    public async Task Ids_are_assigned_only_where_missing_and_sent_on_the_wire()
    {
        var events = NewEvents(6, i => i % 2 == 0 ? $"mine-{i}" : (i == 3 ? "  " : null));
        var server = new FakeBatchServer();

        var result = await new EventBatcher(server.Api, new BatchOptions { BatchSize = 4 }).SendAsync(events);

        AssertNothingLost(result, 6);
        Assert.True(result.IsSuccess);
        Assert.Same(result, result.EnsureSuccess());
        Assert.Equal("mine-0", events[0].EventId);
        Assert.Equal("mine-2", events[2].EventId);
        Assert.Equal("mine-4", events[4].EventId);
        foreach (var i in new[] { 1, 3, 5 })
        {
            Assert.True(Guid.TryParseExact(events[i].EventId, "D", out var guid), events[i].EventId);
            Assert.Equal(4, guid.Version);
        }

        Assert.Equal(events.Select(e => e.EventId), server.AllSentIds);
        Assert.Equal(events.Select(e => e.EventId), result.Outcomes.Select(o => o.EventId));
        Assert.All(result.Created, o => Assert.Equal("s-1", o.SessionId));
        Assert.Same(events[5], result.Outcomes[5].Event);
        // The batcher knows every event has an id: each request says it is safe to repeat, so the retry handler
        // need not parse the body to find out.
        Assert.Equal([true, true], server.Requests.Select(r => r.MarkedSafeToRepeat));
    }

    [Fact]
    public async Task A_chunk_that_fails_entirely_fails_its_events_and_the_batch_continues()
    {
        var events = NewEvents(25);
        var server = new FakeBatchServer((n, ids) => n switch
        {
            1 => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            3 => throw new HttpRequestException("connection reset"),
            4 => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout"),
            _ => FakeBatchServer.Created(ids),
        });

        var result = await new EventBatcher(server.Api, new BatchOptions { BatchSize = 5 }).SendAsync(events);

        AssertNothingLost(result, 25);
        Assert.Equal(5, server.Requests.Count);
        Assert.Equal(Enumerable.Range(5, 5).Concat(Enumerable.Range(15, 10)), result.Failed.Select(o => o.Index));
        Assert.All(result.Failed.Where(o => o.Index < 10), o =>
        {
            Assert.StartsWith("HTTP 503", o.Error, StringComparison.Ordinal);
            Assert.IsAssignableFrom<Microsoft.Kiota.Abstractions.ApiException>(o.Exception);
        });
        Assert.All(result.Failed.Where(o => o.Index is >= 15 and < 20), o => Assert.Contains("connection reset", o.Error, StringComparison.Ordinal));
        Assert.All(result.Failed.Where(o => o.Index >= 20), o => Assert.Contains("Timeout", o.Error, StringComparison.Ordinal));
        Assert.Equal(10, result.CreatedCount);
    }

    [Fact]
    public async Task A_partial_failure_without_errors_gives_a_clear_generic_reason()
    {
        var events = NewEvents(4);
        var server = new FakeBatchServer((n, ids) => FakeBatchServer.Partial([ids[0]], ["first problem"]));

        var result = await new EventBatcher(server.Api).SendAsync(events);

        AssertNothingLost(result, 4);
        Assert.Equal([1, 2, 3], result.Failed.Select(o => o.Index));
        Assert.Equal("first problem", result.Failed[0].Error);
        Assert.All(result.Failed.Skip(1), o => Assert.Contains("without listing this event as created", o.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Success_false_on_a_200_is_not_taken_as_success()
    {
        var events = NewEvents(3);
        var server = new FakeBatchServer((n, ids) => Pagination.FlowTestClient.Json($"{{\"event_ids\":[\"{ids[1]}\"],\"success\":false}}"));

        var result = await new EventBatcher(server.Api).SendAsync(events);

        AssertNothingLost(result, 3);
        Assert.Equal([0, 2], result.Failed.Select(o => o.Index));
        Assert.Equal(events[1].EventId, Assert.Single(result.Created).EventId);
    }

    [Fact]
    public async Task Session_settings_pass_through_unchanged_for_one_chunk()
    {
        var session = new SessionProperties { SessionName = "Playground Session", Source = "playground", Metadata = new JsonObject { ["k"] = 1 }.ToUntypedNode() };
        var server = new FakeBatchServer();
        var options = new BatchOptions { IsSingleSession = true, SessionProperties = session };

        var result = await new EventBatcher(server.Api, options).SendAsync(NewEvents(3));

        var sent = Assert.Single(server.Requests);
        Assert.True(sent.IsSingleSession);
        Assert.Equal("{\"metadata\":{\"k\":1},\"session_name\":\"Playground Session\",\"source\":\"playground\"}", sent.SessionProperties);
        Assert.Equal("s-1", result.SessionId); // the server's answer
        Assert.Equal("BatchResult { 3 events: 3 created, 0 failed, 0 canceled; session s-1 }", result.ToString());
    }

    [Fact]
    public async Task One_session_across_chunks_gets_a_shared_id_without_touching_the_callers_options()
    {
        var session = new SessionProperties { SessionName = "long run" };
        var server = new FakeBatchServer();
        var options = new BatchOptions { BatchSize = 2, IsSingleSession = true, SessionProperties = session, MaxParallelism = 8 };

        var result = await new EventBatcher(server.Api, options).SendAsync(NewEvents(5));

        Assert.Equal(3, server.Requests.Count);
        Assert.Null(session.SessionId);
        Assert.True(Guid.TryParse(result.SessionId, out _));
        Assert.All(server.Requests, r =>
        {
            Assert.True(r.IsSingleSession);
            Assert.Contains($"\"session_id\":\"{result.SessionId}\"", r.SessionProperties, StringComparison.Ordinal);
            Assert.Contains("\"session_name\":\"long run\"", r.SessionProperties, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Without_session_settings_nothing_is_sent_for_them()
    {
        var server = new FakeBatchServer();
        var result = await new EventBatcher(server.Api).SendAsync(NewEvents(2));

        Assert.Null(server.Requests[0].IsSingleSession);
        Assert.Null(server.Requests[0].SessionProperties);
        Assert.Null(result.SessionId);
    }

    [Fact]
    public async Task Parallel_chunks_keep_input_order_in_the_result()
    {
        var server = new FakeBatchServer((n, ids) => n % 3 == 0 ? FakeBatchServer.Partial(ids.Skip(1), ["boom"]) : FakeBatchServer.Created(ids));
        var events = NewEvents(1000);

        var result = await new EventBatcher(server.Api, new BatchOptions { BatchSize = 100, MaxParallelism = 4 }).SendAsync(events);

        AssertNothingLost(result, 1000);
        Assert.Equal(10, server.Requests.Count);
        Assert.Equal(4, result.FailedCount);
        Assert.All(result.Failed, o => Assert.Equal(0, o.Index % 100));
        Assert.Equal(events.Select(e => e.EventId), result.Outcomes.Select(o => o.EventId));
    }

    [Fact]
    public async Task Cancellation_propagates_with_the_outcomes_known_so_far()
    {
        using var cts = new CancellationTokenSource();
        var server = new FakeBatchServer { };
        server.OnRequest = n => { if (n == 1) cts.Cancel(); };
        var events = NewEvents(50);

        var error = await Assert.ThrowsAsync<BatchCanceledException>(() =>
            new EventBatcher(server.Api, new BatchOptions { BatchSize = 10 }).SendAsync(events, cts.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(cts.Token, error.CancellationToken);
        Assert.Equal(2, server.Requests.Count); // no request after the cancellation
        var result = error.Result;
        Assert.Equal(50, result.CreatedCount + result.FailedCount + result.Canceled.Count);
        Assert.Equal(10, result.CreatedCount);
        Assert.Equal(40, result.Canceled.Count);
        Assert.Equal(events.Select(e => e.EventId), result.Outcomes.Select(o => o.EventId));
        Assert.Equal(40, Assert.Throws<BatchFailedException>(() => result.EnsureSuccess()).FailedEventIds.Count);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        var server = new FakeBatchServer();
        var error = await Assert.ThrowsAsync<BatchCanceledException>(() =>
            new EventBatcher(server.Api).SendAsync(NewEvents(3), new CancellationToken(true)));

        Assert.Empty(server.Requests);
        Assert.Equal(3, error.Result.Canceled.Count);
    }

    [Fact]
    public async Task Progress_is_reported_after_each_chunk_with_running_totals()
    {
        var server = new FakeBatchServer();
        var reports = new List<BatchProgress>();
        var options = new BatchOptions { BatchSize = 4, Progress = new Recorder(reports) };

        var result = await new EventBatcher(server.Api, options).SendAsync(NewEvents(10));

        Assert.Equal(10, result.CreatedCount);
        Assert.Equal([new BatchProgress(4, 4, 0, 10), new BatchProgress(8, 8, 0, 10), new BatchProgress(10, 10, 0, 10)], reports);
    }

    private sealed class Recorder(List<BatchProgress> reports) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => reports.Add(value);
    }

    [Fact]
    public async Task No_events_means_no_request()
    {
        var server = new FakeBatchServer();
        var result = await new EventBatcher(server.Api).SendAsync([]);
        Assert.Equal(0, result.TotalCount);
        Assert.True(result.IsSuccess);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Invalid_input_is_rejected_before_anything_changes()
    {
        var batcher = new EventBatcher(new FakeBatchServer().Api);
        var events = NewEvents(3, i => i == 0 ? null : "same");

        var duplicate = await Assert.ThrowsAsync<ArgumentException>(() => batcher.SendAsync(events));
        Assert.Equal("events", duplicate.ParamName);
        Assert.Contains("\"same\"", duplicate.Message, StringComparison.Ordinal);
        Assert.Null(events[0].EventId);

        await Assert.ThrowsAsync<ArgumentException>(() => batcher.SendAsync([new CreateEventRequest(), null!]));
        await Assert.ThrowsAsync<ArgumentNullException>(() => batcher.SendAsync(null!));
        Assert.Throws<ArgumentNullException>(() => new EventBatcher(null!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Options_are_validated(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchOptions { BatchSize = value });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchOptions { MaxParallelism = value });
        Assert.Equal(500, new BatchOptions().BatchSize);
    }
}
