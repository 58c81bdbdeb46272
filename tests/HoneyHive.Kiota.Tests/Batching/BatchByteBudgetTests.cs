using System.Text;
using System.Text.Json.Nodes;
using HoneyHive.Kiota.Batching;
using HoneyHive.Kiota.Models;
using Xunit;

namespace HoneyHive.Kiota.Tests.Batching;

public sealed class BatchByteBudgetTests
{
    private static List<CreateEventRequest> EventsWithInputs(int count, Func<int, int> inputChars, string fill = "x") =>
        Enumerable.Range(0, count).Select(i => new CreateEventRequest
        {
            Project = "Simple RAG",
            EventType = CreateEventType.Model,
            EventName = $"call {i}",
            Source = "test",
            Inputs = new JsonObject { ["prompt"] = string.Concat(Enumerable.Repeat(fill, inputChars(i))) }.ToUntypedNode(),
        }).ToList();

    private static int Utf8Bytes(SentBatch batch) => Encoding.UTF8.GetByteCount(batch.Body);

    [Fact]
    public async Task Chunks_close_at_the_byte_budget_before_the_event_count_and_every_body_stays_within_it()
    {
        // 40 events of about 100 KB: 500 per chunk by count, but only 9 fit in 1 MB.
        var events = EventsWithInputs(40, _ => 100_000);
        var server = new FakeBatchServer();

        var result = await new EventBatcher(server.Api, new BatchOptions { MaxBatchBytes = 1_000_000 }).SendAsync(events);

        Assert.True(result.IsSuccess);
        Assert.Equal(5, server.Requests.Count);
        Assert.Equal([9, 9, 9, 9, 4], server.Requests.Select(r => r.EventIds.Count));
        Assert.All(server.Requests, r => Assert.True(Utf8Bytes(r) <= 1_000_000));
        Assert.All(server.Requests.Take(4), r => Assert.True(Utf8Bytes(r) > 900_000));
        Assert.Equal(events.Select(e => e.EventId), server.AllSentIds);
    }

    [Fact]
    public async Task The_event_count_still_closes_a_chunk_when_events_are_small()
    {
        var events = EventsWithInputs(25, _ => 10);
        var server = new FakeBatchServer();

        await new EventBatcher(server.Api, new BatchOptions { BatchSize = 10 }).SendAsync(events);

        Assert.Equal([10, 10, 5], server.Requests.Select(r => r.EventIds.Count));
    }

    [Fact]
    public async Task A_budget_equal_to_the_body_fits_it_and_one_byte_less_splits_it()
    {
        var events = EventsWithInputs(3, i => 1000 + i);
        var measured = new FakeBatchServer();
        await new EventBatcher(measured.Api).SendAsync(events);
        var bodyBytes = Utf8Bytes(Assert.Single(measured.Requests));

        var exact = new FakeBatchServer();
        await new EventBatcher(exact.Api, new BatchOptions { MaxBatchBytes = bodyBytes }).SendAsync(events);
        var under = new FakeBatchServer();
        await new EventBatcher(under.Api, new BatchOptions { MaxBatchBytes = bodyBytes - 1 }).SendAsync(events);

        Assert.Equal(bodyBytes, Utf8Bytes(Assert.Single(exact.Requests)));
        Assert.Equal([2, 1], under.Requests.Select(r => r.EventIds.Count));
        Assert.All(under.Requests, r => Assert.True(Utf8Bytes(r) <= bodyBytes - 1));
    }

    [Fact]
    public async Task Multibyte_text_is_budgeted_in_bytes_not_characters()
    {
        // "é" is 2 bytes in UTF-8 and "😀" 4 (or an escape of 12): counting characters would overfill.
        var events = EventsWithInputs(30, _ => 5_000, fill: "é😀");
        var server = new FakeBatchServer();

        var result = await new EventBatcher(server.Api, new BatchOptions { MaxBatchBytes = 200_000 }).SendAsync(events);

        Assert.True(result.IsSuccess);
        Assert.True(server.Requests.Count > 1);
        Assert.All(server.Requests, r => Assert.True(Utf8Bytes(r) <= 200_000, $"{Utf8Bytes(r)} bytes"));
    }

    [Fact]
    public async Task An_event_over_the_budget_alone_is_failed_with_the_reason_and_never_sent_while_its_neighbours_are()
    {
        var events = EventsWithInputs(5, i => i == 2 ? 50_000 : 100);
        var server = new FakeBatchServer();

        var result = await new EventBatcher(server.Api, new BatchOptions { MaxBatchBytes = 20_000 }).SendAsync(events);

        var failed = Assert.Single(result.Failed);
        Assert.Equal(2, failed.Index);
        Assert.Equal(events[2].EventId, failed.EventId);
        var tooLarge = Assert.IsType<EventTooLargeException>(failed.Exception);
        Assert.Equal(events[2].EventId, tooLarge.EventId);
        Assert.Equal(20_000, tooLarge.MaxBatchBytes);
        Assert.InRange(tooLarge.RequestBytes, 50_000, 51_000);
        Assert.Equal(tooLarge.Message, failed.Error);
        Assert.Contains("20,000-byte budget", failed.Error, StringComparison.Ordinal);
        Assert.Contains("not sent", failed.Error, StringComparison.Ordinal);

        // Never sent; the events on either side go in their own chunks, in order, and are created.
        Assert.DoesNotContain(events[2].EventId, server.AllSentIds);
        Assert.Equal([2, 2], server.Requests.Select(r => r.EventIds.Count));
        Assert.Equal(4, result.CreatedCount);
        Assert.Equal(Enumerable.Range(0, 5), result.Outcomes.Select(o => o.Index));
    }

    [Fact]
    public async Task Progress_counts_an_event_failed_for_its_size()
    {
        var events = EventsWithInputs(3, i => i == 0 ? 5_000 : 10);
        var server = new FakeBatchServer();
        var reports = new List<BatchProgress>();

        await new EventBatcher(server.Api, new BatchOptions { MaxBatchBytes = 2_000, Progress = new SyncProgress(reports) }).SendAsync(events);

        Assert.Equal(new BatchProgress(3, 2, 1, 3), reports[^1]);
    }

    [Fact]
    public void The_default_budget_is_under_HoneyHive_5_MB_limit_and_a_tiny_budget_is_refused()
    {
        Assert.Equal(4 * 1024 * 1024, new BatchOptions().MaxBatchBytes);
        Assert.True(BatchOptions.DefaultMaxBatchBytes < 5_000_000);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BatchOptions { MaxBatchBytes = 1023 });
        Assert.Contains("at least 1024", error.Message, StringComparison.Ordinal);
    }

    private sealed class SyncProgress(List<BatchProgress> reports) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => reports.Add(value);
    }
}
