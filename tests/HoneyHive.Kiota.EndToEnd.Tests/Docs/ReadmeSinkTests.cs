using HoneyHive.Kiota.Ingestion;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Testing;

namespace HoneyHive.Kiota.EndToEnd.Tests.Docs;

/// <summary>The README's EventSink snippet, run against the in-memory HoneyHive.</summary>
public class ReadmeSinkTests
{
    [Fact]
    public async Task SinkSnippetRunsAsWritten()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = "key" });
        using var client = new HoneyHiveClient("key", new HoneyHiveClientOptions { Handler = fake });
        var deadLetter = Path.Combine(Path.GetTempPath(), $"failed-events-{Guid.NewGuid():N}.jsonl");

        await using (var sink = new EventSink(client, new EventSinkOptions { FlushInterval = TimeSpan.FromSeconds(2), DeadLetterPath = deadLetter }))
        {
            sink.Enqueue(new CreateEventRequest { Project = "my-app", EventName = "GET /hello", EventType = CreateEventType.Tool, Source = "api" });
            await sink.FlushAsync();

            var stored = Assert.Single(fake.Events);
            Assert.Equal("GET /hello", (string)stored["event_name"]!);
            Assert.Equal(new EventSinkCounts(1, 0, 1, 0, 0), sink.Counts);
        }

        Assert.False(File.Exists(deadLetter));
    }
}
