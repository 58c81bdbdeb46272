// What an app built from the packages does: the client from DI, a batch, an export and the event sink (a package
// of its own, bound to the core package's internals) against the in-memory HoneyHive, and a Kiota client of its own (Generated/, from openapi/notes.json) whose models the package's source
// generator gives readers because this app asks for them (JsonReadersOptIn.cs).
using System.Text.Json.Nodes;
using HoneyHive.Kiota;
using HoneyHive.Kiota.Ingestion;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Pagination;
using HoneyHive.Kiota.Serialization;
using HoneyHive.Kiota.Testing;
using Microsoft.Extensions.DependencyInjection;
using Notes.Client.Models;

using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = "consumer-key" });
var services = new ServiceCollection();
services.AddHoneyHiveClient(settings => settings.ApiKey = "consumer-key").ConfigurePrimaryHttpMessageHandler(() => fake);
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<HoneyHiveClient>();

var created = await client.CreateEventsAsync(Enumerable.Range(0, 120).Select(i => new CreateEventRequest
{
    Project = "consumer", Source = "aot", EventType = CreateEventType.Tool, EventName = $"step {i}",
    Metadata = new JsonObject { ["i"] = i }.ToUntypedNode(), StartTime = DateTimeOffset.UnixEpoch.AddMinutes(i),
}));
created.EnsureSuccess();

long sum = 0;
await foreach (var e in client.ExportEventsAsync(new EventQuery("consumer") { PageSize = 50 }))
{
    sum += e.Metadata.GetProperty("i").GetInt64() ?? -1_000_000;
}

long sunk;
await using (var sink = new EventSink(client))
{
    for (var i = 0; i < 5; i++)
    {
        sink.Enqueue(new CreateEventRequest { Project = "consumer-sink", Source = "aot", EventType = CreateEventType.Tool, EventName = $"sunk {i}" });
    }

    await sink.FlushAsync();
    sunk = sink.Counts.Created;
}

var note = new HoneyHiveJsonParseNode(System.Text.Json.JsonDocument.Parse("""{"name":"ok","tags":["a","b"],"score":0.5,"due":"2026-12-04","extra":1}""").RootElement)
    .GetObjectValue(Note.CreateFromDiscriminatorValue);
var fast = (object)note is IJsonElementParsable;
var noteOk = note.Name == "ok" && note.Tags is ["a", "b"] && note.Score?.Double == 0.5 && note.Due?.ToString() == "2026-12-04"
    && note.AdditionalData.ContainsKey("extra") && fast;
var ok = created.CreatedCount == 120 && sum == 120 * 119 / 2 && sunk == 5 && noteOk;
Console.WriteLine($"{created}; export sum {sum}; sink created {sunk} of 5; own Kiota model read by a compile-time reader: {fast}, as Kiota reads it: {noteOk}");
Console.WriteLine(ok ? "consumer: OK" : "consumer: FAILED");
return ok ? 0 : 1;
