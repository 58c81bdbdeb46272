using System.Text.Json.Nodes;

namespace HoneyHive.Cli.Tests;

/// <summary>Input files for <c>hh events send</c>: one CreateEventRequest object per line.</summary>
internal static class EventFiles
{
    public const string Project = "send-project";

    public static string Line(string id, int index = 0) => new JsonObject
    {
        ["event_id"] = id,
        ["project"] = Project,
        ["event_type"] = index % 2 == 0 ? "model" : "tool",
        ["event_name"] = $"sent {id}",
        ["source"] = "cli-tests",
        ["inputs"] = new JsonObject { ["question"] = $"q {id}" },
        ["metadata"] = new JsonObject { ["n"] = index },
    }.ToJsonString();

    public static string Lines(params string[] ids) => string.Concat(ids.Select((id, i) => Line(id, i) + "\n"));

    public static string[] Ids(string prefix, int count) => Enumerable.Range(1, count).Select(i => $"{prefix}-{i}").ToArray();
}
