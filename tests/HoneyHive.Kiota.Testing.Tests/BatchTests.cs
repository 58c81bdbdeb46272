using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing.Tests;

public class BatchTests
{
    private const string SeedBatch = """
        {"events":[{"project":"Simple RAG","event_type":"model","event_name":"Model Completion","source":"playground",
          "session_id":"caf77ace-3417-4da4-944d-f4a0688f3c23","event_id":"7f22137a-6911-4ed3-bc36-110f1dde6b66",
          "parent_id":"caf77ace-3417-4da4-944d-f4a0688f3c23","children_ids":[],"config":{"model":"gpt-3.5-turbo"},
          "inputs":{"chat_history":[{"role":"system","content":"Answer"},{"role":"user","content":"What is in the context?"}]},
          "outputs":{"role":"assistant","content":"Hello world"},"error":null,"start_time":1714978764301,"end_time":1714978765301,
          "duration":999.8056,"metadata":{"cost":0.00008},"feedback":{},"metrics":{"Answer Faithfulness":5},
          "user_properties":{"user":"google-oauth2|111840237613341303366"}}],
         "is_single_session":true,
         "session_properties":{"session_name":"Playground Session","session_id":"caf77ace-3417-4da4-944d-f4a0688f3c23"}}
        """;

    [Fact]
    public async Task Batch_then_export_round_trips_the_documented_event()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);

        var (status, created) = await Api.PostAsync(client, "events/batch", SeedBatch);
        Assert.Equal(200, status);
        Assert.Equal(["7f22137a-6911-4ed3-bc36-110f1dde6b66"], Api.Ids(created, "event_ids"));
        Assert.Equal("caf77ace-3417-4da4-944d-f4a0688f3c23", created["session_id"]!.GetValue<string>());
        Assert.True(created["success"]!.GetValue<bool>());

        var (exportStatus, export) = await Api.PostAsync(client, "events/export", Api.Export("Simple RAG"));
        Assert.Equal(200, exportStatus);
        Assert.Equal(1, export["totalEvents"]!.GetValue<int>());
        var evt = export["events"]![0]!.AsObject();
        Assert.Equal("Simple RAG", evt["project_id"]!.GetValue<string>());
        Assert.False(evt.ContainsKey("project"));
        Assert.Equal(
            ["project_id", "source", "session_id", "event_id", "parent_id", "event_type", "event_name", "config", "children_ids",
             "inputs", "outputs", "error", "start_time", "end_time", "duration", "metadata", "feedback", "metrics", "user_properties"],
            evt.Select(p => p.Key).ToArray());
        Assert.Equal(1714978764301L, evt["start_time"]!.GetValue<long>());
        Assert.Equal(999.8056, evt["duration"]!.GetValue<double>());
        Assert.Equal("What is in the context?", evt["inputs"]!["chat_history"]![1]!["content"]!.GetValue<string>());
        Assert.Equal(5, evt["metrics"]!["Answer Faithfulness"]!.GetValue<int>());
    }

    [Fact]
    public async Task Server_assigns_event_and_session_ids_when_absent()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);

        var (status, body) = await Api.PostAsync(client, "events/batch", Api.Batch(Api.Event(), Api.Event()));

        Assert.Equal(200, status);
        var ids = Api.Ids(body, "event_ids");
        Assert.Equal(2, ids.Length);
        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _)));
        Assert.NotEqual(ids[0], ids[1]);
        var stored = fake.Events;
        Assert.Equal(ids, stored.Select(e => e["event_id"]!.GetValue<string>()));
        // Without is_single_session each event gets its own session.
        Assert.NotEqual(stored[0]["session_id"]!.GetValue<string>(), stored[1]["session_id"]!.GetValue<string>());
        Assert.Equal(stored[0]["session_id"]!.GetValue<string>(), body["session_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Single_session_shares_one_new_session_when_none_is_given()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        var batch = Api.Batch(Api.Event(), Api.Event(), Api.Event());
        batch["is_single_session"] = true;

        var (_, body) = await Api.PostAsync(client, "events/batch", batch);

        var session = body["session_id"]!.GetValue<string>();
        Assert.True(Guid.TryParse(session, out _));
        Assert.All(fake.Events, e => Assert.Equal(session, e["session_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Single_session_uses_session_properties_session_id()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        var batch = Api.Batch(Api.Event(), Api.Event());
        batch["is_single_session"] = true;
        batch["session_properties"] = new JsonObject { ["session_id"] = "s-1" };

        var (_, body) = await Api.PostAsync(client, "events/batch", batch);

        Assert.Equal("s-1", body["session_id"]!.GetValue<string>());
        Assert.All(fake.Events, e => Assert.Equal("s-1", e["session_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Duplicate_event_id_is_stored_once_and_still_reported_created()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);

        var (first, _) = await Api.PostAsync(client, "events/batch", Api.Batch(Api.Event(id: "e-1")));
        var (second, body) = await Api.PostAsync(client, "events/batch", Api.Batch(Api.Event(id: "e-1"), Api.Event(id: "e-2")));

        Assert.Equal(200, first);
        Assert.Equal(200, second);
        Assert.Equal(["e-1", "e-2"], Api.Ids(body, "event_ids"));
        Assert.Equal(["e-1", "e-2"], fake.Events.Select(e => e["event_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Defaults_fill_the_event_shape()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        var evt = new JsonObject { ["project"] = "p", ["start_time"] = 1000, ["duration"] = 250 };

        await Api.PostAsync(client, "events/batch", Api.Batch(evt));

        var stored = Assert.Single(fake.Events);
        Assert.Equal(1250, stored["end_time"]!.GetValue<long>());
        Assert.Empty(stored["children_ids"]!.AsArray());
        Assert.Empty(stored["metadata"]!.AsObject());
        Assert.Null(stored["parent_id"]);
        Assert.True(stored.ContainsKey("error"));
    }

    [Fact]
    public void AddEvents_seeds_raw_events()
    {
        using var fake = new InMemoryHoneyHive();

        var ids = fake.AddEventsJson("""[{"project_id":"p","event_id":"a"},{"project":"q"}]""");

        Assert.Equal("a", ids[0]);
        Assert.Equal(["p", "q"], fake.Events.Select(e => e["project_id"]!.GetValue<string>()));
        Assert.Equal(ids, fake.Events.Select(e => e["event_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Concurrent_batches_lose_no_events()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            Api.PostAsync(client, "events/batch", Api.Batch(Enumerable.Range(0, 25).Select(j => Api.Event(id: $"{i}-{j}")).ToArray())))));

        Assert.All(results, r => Assert.Equal(200, r.Status));
        var stored = fake.Events.Select(e => e["event_id"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(1000, stored.Count);
        var (_, export) = await Api.PostAsync(client, "events/export", Api.Export("p"));
        Assert.Equal(1000, export["totalEvents"]!.GetValue<int>());
    }

    [Fact]
    public async Task Requests_are_logged_with_headers_and_body()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake, apiKey: "k");

        await Api.PostAsync(client, "events/batch", Api.Batch(Api.Event(id: "x")));

        var request = Assert.Single(fake.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/events/batch", request.PathAndQuery);
        Assert.Equal("Bearer k", request.Header("authorization"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("x", JsonNode.Parse(request.BodyText)!["events"]![0]!["event_id"]!.GetValue<string>());
    }
}
