using HoneyHive.Kiota.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.SinkSample;

/// <summary>Builds the event a <c>GET /hello/{name}</c> records.</summary>
/// <param name="project">The HoneyHive project (<c>HoneyHive:Project</c>).</param>
/// <param name="source">The event's source: the app's environment name.</param>
internal sealed class HelloEvents(string project, string source)
{
    public CreateEventRequest Create(string name, string greeting, DateTimeOffset startTime, TimeSpan duration) => new()
    {
        Project = project,
        Source = source,
        EventType = CreateEventType.Tool,
        EventName = SinkSampleApp.HelloEventName,
        StartTime = startTime,   // sent as Unix milliseconds
        Duration = duration.TotalMilliseconds,
        // Free-form values built as Kiota's untyped nodes directly: no reflection, no JSON round trip.
        Inputs = Object("name", name),
        Outputs = Object("greeting", greeting),
    };

    private static UntypedObject Object(string key, string value) =>
        new(new Dictionary<string, UntypedNode> { [key] = new UntypedString(value) });
}
