using System.Text.Json.Nodes;
using HoneyHive.Kiota.Filters;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Pagination;
using HoneyHive.Kiota.Testing;

namespace HoneyHive.Kiota.EndToEnd.Tests.Docs;

/// <summary>The README's quickstart, run against the in-memory HoneyHive, so the README stays true.</summary>
public class ReadmeQuickstartTests
{
    [Fact]
    public async Task QuickstartRunsAsWritten()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = "key" });
        using var client = new HoneyHiveClient("key", new HoneyHiveClientOptions { Handler = fake });

        // POST /events/batch — as in the README (plus metadata so the filters below match).
        var result = await client.CreateEventsAsync(
        [
            new CreateEventRequest
            {
                Project = "Simple RAG", Source = "production", EventType = CreateEventType.Model,
                EventName = "Model Completion", Duration = 824.8,
                Config = new JsonObject { ["model"] = "gpt-4o" }.ToUntypedNode(),
                Inputs = new JsonObject { ["question"] = "What is in the context?" }.ToUntypedNode(),
                Metadata = new JsonObject { ["cost"] = 0.02 }.ToUntypedNode(),
                StartTime = DateTimeOffset.UtcNow,
            },
        ]);
        result.EnsureSuccess();

        // GET /events — as in the README.
        var query = new EventQuery("Simple RAG")
        {
            Filters = [EventFilters.Field("event_type").Is("model"), EventFilters.Field("metadata.cost").GreaterThan(0.01)],
            DateRange = DateRanges.Last(TimeSpan.FromDays(1)),
        };
        var listed = new List<Event>();
        var lines = new List<string>();
        await foreach (Event e in client.GetEventsAsync(query))
        {
            lines.Add($"{e.EventId} {e.StartTime?.ToDateTimeOffset():u} {e.EventName} ${e.Metadata.GetProperty("cost").GetDouble()}");
            listed.Add(e);
        }

        // POST /events/export — as in the README.
        query.Projections = ["event_id", "event_name", "metadata"];
        var pages = new List<EventPage>();
        await foreach (EventPage page in client.ExportEventPagesAsync(query))
        {
            pages.Add(page);
        }

        var created = Assert.Single(result.Created);
        Assert.Equal(created.EventId, Assert.Single(listed).EventId);
        Assert.Equal("Model Completion", listed[0].EventName);
        Assert.Matches($"^{created.EventId} \\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ Model Completion \\$0.02$", Assert.Single(lines));
        var exported = Assert.Single(Assert.Single(pages).Events);
        Assert.Equal(created.EventId, exported.EventId);
        Assert.Equal(1, pages[0].TotalEvents);
    }
}
