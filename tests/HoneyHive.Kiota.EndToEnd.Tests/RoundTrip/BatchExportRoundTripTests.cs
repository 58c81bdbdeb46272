using HoneyHive.Kiota.Batching;
using HoneyHive.Kiota.EndToEnd.Tests.Support;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using HoneyHive.Kiota.Pagination;

namespace HoneyHive.Kiota.EndToEnd.Tests.RoundTrip;

/// <summary>
/// The main job end to end over real sockets: 10,000 events created in chunks through
/// <see cref="HoneyHiveClient.CreateEventsAsync"/>, then read back through paginated export. Nothing may
/// be lost or duplicated, and the values must survive both directions of serialization.
/// </summary>
public sealed class BatchExportRoundTripTests
{
    private const int Count = 10_000;

    [Fact]
    public async Task Ten_thousand_events_batched_in_chunks_export_back_exactly_once_with_their_values()
    {
        await using var server = await Loopback.StartAsync();
        using var client = Clients.ForHost(server.BaseAddress);
        var events = Enumerable.Range(0, Count).Select(SampleEvents.Create).ToList();

        var result = await client.CreateEventsAsync(events, new BatchOptions { BatchSize = 500, MaxParallelism = 2 });

        Assert.True(result.IsSuccess, $"{result.FailedCount} failed, e.g. {result.Failed.FirstOrDefault()}");
        Assert.Equal(Count, result.CreatedCount);
        Assert.Equal(Count / 500, server.RequestsTo("/events/batch"));

        var exported = new List<Event>(Count);
        await foreach (var e in client.ExportEventsAsync(new EventQuery(Clients.Project) { PageSize = 1000 }))
        {
            exported.Add(e);
        }

        // 10 full pages, then the pager stops on page × limit ≥ totalEvents without an 11th request.
        Assert.Equal(Count / 1000, server.RequestsTo("/events/export"));
        var ids = exported.Select(e => e.EventId!).ToList();
        Assert.Equal(Count, ids.Count);
        Assert.Equal(Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(events.Select(e => e.EventId!).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));

        foreach (var e in exported.Where(e => SampleEvents.IndexOf(e.EventId!) % 487 == 0))
        {
            AssertSameValues(SampleEvents.IndexOf(e.EventId!), e);
        }
    }

    private static void AssertSameValues(int i, Event e)
    {
        Assert.Equal($"step {i}", e.EventName);
        Assert.Equal(Clients.Project, e.ProjectId);
        Assert.Equal(SampleEvents.Type(i), e.EventType is { } t ? EnumWireNames.Of(t) : null);
        Assert.Equal("e2e", e.Source);
        Assert.Equal($"session-{i / 100}", e.SessionId);
        Assert.Equal(SampleEvents.Start(i), e.StartTime?.ToDateTimeOffset());
        Assert.Equal(SampleEvents.Start(i).AddSeconds(1), e.EndTime?.ToDateTimeOffset());
        Assert.Equal(1000.5 + i, e.Duration);
        Assert.Equal(i % 6 == 0 ? [$"child-{i}"] : [], e.ChildrenIds);
        Assert.Equal(SampleEvents.Question(i), e.Inputs!.ToJsonElement().GetProperty("chat_history")[0].GetProperty("content").GetString());
        Assert.Equal(SampleEvents.Answer(i), e.Outputs!.ToJsonElement().GetProperty("content").GetString());
        Assert.Equal(SampleEvents.Cost(i), e.Metadata!.ToJsonElement().GetProperty("cost").GetDouble());
        Assert.Equal(i, e.Metadata!.ToJsonElement().GetProperty("total_tokens").GetInt32());
        Assert.Equal(SampleEvents.Cached(i), e.Metadata!.ToJsonElement().GetProperty("cached").GetBoolean());
        Assert.Equal((i % 10) / 10.0, e.Config!.ToJsonElement().GetProperty("temperature").GetDouble());
        Assert.Equal($"user-{i % 7}", e.UserProperties!.ToJsonElement().GetProperty("user").GetString());
    }
}
