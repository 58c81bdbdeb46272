// What an app built from the packages does: the client from DI, a batch and an export against the in-memory
// HoneyHive, and a Kiota-style model of its own that the package's source generator must have given a reader.
using System.Text.Json.Nodes;
using HoneyHive.Kiota;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Pagination;
using HoneyHive.Kiota.Serialization;
using HoneyHive.Kiota.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions.Serialization;

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

var probe = new HoneyHiveJsonParseNode(System.Text.Json.JsonDocument.Parse("""{"name":"ok"}""").RootElement)
    .GetObjectValue(ConsumerModel.CreateFromDiscriminatorValue);
var ok = created.CreatedCount == 120 && sum == 120 * 119 / 2 && probe.Name == "ok" && (object)probe is IJsonElementParsable;
Console.WriteLine($"{created}; export sum {sum}; own model read by a compile-time reader: {(object)probe is IJsonElementParsable}");
Console.WriteLine(ok ? "consumer: OK" : "consumer: FAILED");
return ok ? 0 : 1;

/// <summary>A model in Kiota's shape, in the consumer's own assembly.</summary>
public partial class ConsumerModel : IParsable
{
    /// <summary>A name.</summary>
    public string? Name { get; set; }

    /// <summary>Kiota's factory.</summary>
    public static ConsumerModel CreateFromDiscriminatorValue(IParseNode parseNode)
    {
        ArgumentNullException.ThrowIfNull(parseNode);
        return new ConsumerModel();
    }

    /// <summary>Kiota's field deserializers.</summary>
    public virtual IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
    {
        { "name", n => { Name = n.GetStringValue(); } },
    };

    /// <summary>Kiota's serializer.</summary>
    public virtual void Serialize(ISerializationWriter writer) => writer.WriteStringValue("name", Name);
}
