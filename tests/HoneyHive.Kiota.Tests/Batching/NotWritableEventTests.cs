using System.Text.Json;
using HoneyHive.Kiota.Batching;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using HoneyHive.Kiota.Tests.Client;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.Tests.Batching;

/// <summary>
/// An event the JSON writer refuses (NaN or infinite numbers, anywhere in it) fails alone, with a reason naming its
/// event_id and field, and its batch-mates are sent in the same requests as before.
/// </summary>
public sealed class NotWritableEventTests
{
    private static CreateEventRequest Event(int i, double? duration = null) => new()
    {
        Project = "Simple RAG",
        EventId = $"ev-{i:D2}",
        EventType = CreateEventType.Model,
        EventName = $"call {i}",
        Source = "test",
        Duration = duration ?? i,
    };

    public static TheoryData<string, Action<CreateEventRequest>, string> Refused => new()
    {
        { "duration", e => e.Duration = double.NaN, "NaN is not a JSON number" },
        { "duration", e => e.Duration = double.NegativeInfinity, "-Infinity is not a JSON number" },
        { "start_time", e => e.StartTime = new Timestamp { Double = double.PositiveInfinity }, "Infinity is not a JSON number" },
        { "metadata.cost", e => e.Metadata = new UntypedObject(new Dictionary<string, UntypedNode> { ["cost"] = new UntypedDouble(double.NaN) }), "NaN is not a JSON number" },
        { "outputs.scores[2]", e => e.Outputs = new UntypedObject(new Dictionary<string, UntypedNode> { ["scores"] = new UntypedArray([new UntypedDouble(1), new UntypedFloat(2), new UntypedFloat(float.NaN)]) }), "NaN is not a JSON number" },
        { "latency_ms", e => e.AdditionalData["latency_ms"] = double.PositiveInfinity, "Infinity is not a JSON number" },
        { "extra.scores[1]", e => e.AdditionalData["extra"] = new Dictionary<string, object> { ["scores"] = new List<object> { 1.0, float.NegativeInfinity } }, "-Infinity is not a JSON number" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task The_event_fails_alone_naming_its_id_and_field_and_the_others_are_sent(string field, Action<CreateEventRequest> spoil, string reason)
    {
        var events = Enumerable.Range(0, 41).Select(i => Event(i)).ToList();
        spoil(events[20]);
        var server = new FakeBatchServer();

        var result = await new EventBatcher(server.Api, new BatchOptions { BatchSize = 500 }).SendAsync(events);

        Assert.Equal(40, result.CreatedCount);
        var failed = Assert.Single(result.Failed);
        Assert.Equal("ev-20", failed.EventId);
        var error = Assert.IsType<EventNotWritableException>(failed.Exception);
        Assert.Equal("ev-20", error.EventId);
        Assert.Equal(field, error.Field);
        Assert.Equal($"Event ev-20 was not sent: its field '{field}' cannot be written as JSON ({reason}). Fix the value and send the event again; it keeps its event_id.", failed.Error);
        // Its neighbours go in the requests they would have gone in, split where it stood.
        Assert.Equal([20, 20], server.Requests.Select(r => r.EventIds.Count));
        Assert.DoesNotContain("ev-20", server.AllSentIds);
    }

    [Fact]
    public void The_writer_refuses_a_non_finite_number_with_an_argument_exception_naming_the_path()
    {
        var body = new BatchEventsRequest { Events = [Event(0), Event(1, double.NaN)] };
        using var writer = new HoneyHiveJsonSerializationWriter();

        var error = Assert.ThrowsAny<ArgumentException>(() => writer.WriteObjectValue<BatchEventsRequest>(null, body));

        Assert.Equal("events[1].duration", error.ParamName);
        Assert.Equal("The value at 'events[1].duration' cannot be written as JSON: NaN is not a JSON number.", error.Message);
    }

    [Fact]
    public async Task Through_the_client_s_generated_builder_the_request_is_refused_before_anything_is_sent()
    {
        var network = new DelegateHandler((_, _) => throw new InvalidOperationException("nothing may be sent"));
        using var client = TestClients.Create(network);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            client.Api.Events.Batch.PostAsync(new BatchEventsRequest { Events = [Event(0), Event(1), Event(2, double.PositiveInfinity)] }));

        Assert.Equal("events[2].duration", error.ParamName);
        Assert.Equal("The value at 'events[2].duration' cannot be written as JSON: Infinity is not a JSON number.", error.Message);
        Assert.Equal(0, network.Calls);
    }

    [Fact]
    public async Task Through_the_client_CreateEventsAsync_reports_the_event_and_sends_the_rest()
    {
        var sent = new List<string>();
        var network = new DelegateHandler(async (request, _) =>
        {
            var body = await request.Content!.ReadAsStringAsync();
            using var json = JsonDocument.Parse(body);
            var ids = json.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("event_id").GetString()!).ToList();
            sent.AddRange(ids);
            return TestClients.Json(JsonSerializer.Serialize(new Dictionary<string, object> { ["event_ids"] = ids, ["success"] = true }));
        });
        using var client = TestClients.Create(network);
        var events = new List<CreateEventRequest> { Event(0), Event(1, double.NaN), Event(2) };

        var result = await client.CreateEventsAsync(events);

        // A chunk is a run of consecutive events: the refused one splits the batch in two requests, as a too large one does.
        Assert.Equal(["ev-00", "ev-02"], sent);
        Assert.Equal(2, network.Calls);
        var failed = Assert.Single(result.Failed);
        Assert.Equal(("ev-01", "duration"), (failed.EventId, Assert.IsType<EventNotWritableException>(failed.Exception).Field));
    }

    [Fact]
    public void The_dead_letter_writer_names_the_values_instead_and_keeps_the_rest()
    {
        var evt = Event(3, double.NaN);
        evt.Metadata = new UntypedObject(new Dictionary<string, UntypedNode> { ["cost"] = new UntypedDouble(double.NegativeInfinity), ["tokens"] = new UntypedInteger(7) });
        evt.AdditionalData["ratio"] = float.PositiveInfinity;
        using var writer = new HoneyHiveJsonSerializationWriter(nonFiniteAsNames: true);

        writer.WriteObjectValue(null, evt);
        using var json = JsonDocument.Parse(writer.GetSerializedContent());

        var root = json.RootElement;
        Assert.Equal("ev-03", root.GetProperty("event_id").GetString());
        Assert.Equal("NaN", root.GetProperty("duration").GetString());
        Assert.Equal("-Infinity", root.GetProperty("metadata").GetProperty("cost").GetString());
        Assert.Equal(7, root.GetProperty("metadata").GetProperty("tokens").GetInt32());
        Assert.Equal("Infinity", root.GetProperty("ratio").GetString());
    }
}
