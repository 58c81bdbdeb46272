using System.Text.Json.Nodes;
using HoneyHive.Kiota.Testing;

namespace HoneyHive.Cli.Tests;

/// <summary>Six events in project <see cref="Project"/> (plus one elsewhere), one minute apart from
/// <see cref="Start"/>: model events e-1, e-3, e-5 cost 0.002, 0.02, 0.05; the others are tools.</summary>
internal static class SeedEvents
{
    public const string Project = "cli-project";

    public static readonly DateTimeOffset Start = new(2024, 5, 6, 9, 0, 0, TimeSpan.Zero);

    public static readonly string[] Ids = ["e-1", "e-2", "e-3", "e-4", "e-5", "e-6"];

    public static void AddTo(InMemoryHoneyHive fake)
    {
        var costs = new double[] { 0.002, 0, 0.02, 0, 0.05, 0 };
        var events = Ids.Select((id, i) => new JsonObject
        {
            ["event_id"] = id,
            ["project"] = Project,
            ["event_type"] = i % 2 == 0 ? "model" : "tool",
            ["event_name"] = $"step {i + 1}",
            ["source"] = "cli-tests",
            ["start_time"] = StartOf(i).ToUnixTimeMilliseconds(),
            ["duration"] = 100 + i,
            ["metadata"] = new JsonObject { ["cost"] = costs[i], ["rank"] = i + 1 },
        }).ToList();
        events.Add(new JsonObject { ["event_id"] = "other-1", ["project"] = "other", ["event_type"] = "model" });
        fake.AddEvents(events);
    }

    public static DateTimeOffset StartOf(int index) => Start.AddMinutes(index);
}
