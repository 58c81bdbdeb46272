// The README's quickstart, as a new console app would hold it.
using System.Text.Json.Nodes;
using HoneyHive.Kiota;
using HoneyHive.Kiota.Filters;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Pagination;

using var client = HoneyHiveClient.FromEnvironment();   // HH_API_KEY; or new HoneyHiveClient(key, options)

// GET /events — every matching event, one page in memory at a time
var query = new EventQuery("Simple RAG")
{
    Filters = [EventFilters.Field("event_type").Is("model"), EventFilters.Field("metadata.cost").GreaterThan(0.01)],
    DateRange = DateRanges.Last(TimeSpan.FromDays(1)),
};
await foreach (Event e in client.GetEventsAsync(query))
    Console.WriteLine($"{e.EventId} {e.StartTime?.ToDateTimeOffset():u} {e.EventName} ${e.Metadata.GetProperty("cost").GetDouble()}");

// POST /events/export — the same query, plus projections; pages for progress reporting
query.Projections = ["event_id", "event_name", "metadata"];
await foreach (EventPage page in client.ExportEventPagesAsync(query))
    Console.Error.WriteLine($"{page.EventsSoFar}/{page.TotalEvents}");

// POST /events/batch — any number of events, chunked; every event accounted for
var result = await client.CreateEventsAsync(
[
    new CreateEventRequest
    {
        Project = "Simple RAG", Source = "production", EventType = CreateEventType.Model,
        EventName = "Model Completion", Duration = 824.8,
        Config = new JsonObject { ["model"] = "gpt-4o" }.ToUntypedNode(),
        Inputs = new JsonObject { ["question"] = "What is in the context?" }.ToUntypedNode(),
        StartTime = DateTimeOffset.UtcNow,   // sent as Unix milliseconds
    },
]);
result.EnsureSuccess();   // or inspect result.Failed: each with its event_id and the server's error text
