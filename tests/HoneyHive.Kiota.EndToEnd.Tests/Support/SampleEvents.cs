using System.Globalization;
using System.Text.Json.Nodes;
using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.EndToEnd.Tests.Support;

/// <summary>
/// Deterministic events whose fields vary with their index, so every filter has something to match and
/// something to reject, and a test can recompute any field from the index alone (the filter oracle).
/// </summary>
internal static class SampleEvents
{
    public static readonly DateTimeOffset FirstStart = new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Id(int i) => $"evt-{i:D5}";

    public static string Type(int i) => (i % 3) switch { 0 => "model", 1 => "tool", _ => "chain" };

    public static double Cost(int i) => i * 0.001;

    public static bool Cached(int i) => i % 4 == 0;

    public static string Question(int i) => i % 10 == 7 ? $"my password is {i}" : $"question {i}";

    public static string Answer(int i) => i % 2 == 0 ? $"Hello {i}" : $"Bye {i}";

    public static string Version(int i) => $"v{i % 5}";

    public static DateTimeOffset Start(int i) => FirstStart.AddMinutes(i);

    public static CreateEventRequest Create(int i) => new()
    {
        Project = Clients.Project,
        EventId = Id(i),
        EventName = $"step {i}",
        EventType = (i % 3) switch { 0 => CreateEventType.Model, 1 => CreateEventType.Tool, _ => CreateEventType.Chain },
        Source = "e2e",
        SessionId = $"session-{i / 100}",
        ChildrenIds = i % 6 == 0 ? [$"child-{i}"] : [],
        Config = new JsonObject { ["model"] = "gpt-4o", ["temperature"] = (i % 10) / 10.0 }.ToUntypedNode(),
        Inputs = new JsonObject
        {
            ["chat_history"] = new JsonArray(
                new JsonObject { ["role"] = "user", ["content"] = Question(i) },
                new JsonObject { ["role"] = "assistant", ["content"] = "ok" }),
        }.ToUntypedNode(),
        Outputs = new JsonObject { ["content"] = Answer(i) }.ToUntypedNode(),
        Metadata = new JsonObject
        {
            ["cost"] = Cost(i),
            ["total_tokens"] = i,
            ["cached"] = Cached(i),
            ["model_version"] = Version(i),
        }.ToUntypedNode(),
        UserProperties = new JsonObject { ["user"] = $"user-{i % 7}" }.ToUntypedNode(),
        StartTime = Start(i),
        EndTime = Start(i).AddSeconds(1),
        Duration = 1000.5 + i,
    };

    public static int IndexOf(string eventId) => int.Parse(eventId.AsSpan("evt-".Length), CultureInfo.InvariantCulture);
}
