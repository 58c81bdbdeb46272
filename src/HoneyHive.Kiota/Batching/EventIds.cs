using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Batching;

/// <summary>Checks the callers' event ids and assigns one to every event without.</summary>
internal static class EventIds
{
    /// <summary>
    /// Rejects nulls and duplicate ids first (so nothing is changed when the input is invalid), then
    /// gives every event without an id a random UUID: retries of the same request then carry the same
    /// ids, and every outcome can be attributed.
    /// </summary>
    public static void Assign(IReadOnlyList<CreateEventRequest> events, string parameterName)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is null)
            {
                throw new ArgumentException($"Event {i} is null.", parameterName);
            }

            if (!string.IsNullOrWhiteSpace(events[i].EventId) && !seen.TryAdd(events[i].EventId!, i))
            {
                throw new ArgumentException(
                    $"Events {seen[events[i].EventId!]} and {i} have the same event_id \"{events[i].EventId}\"; each event needs its own id so its outcome can be told apart.",
                    parameterName);
            }
        }

        foreach (var item in events)
        {
            if (string.IsNullOrWhiteSpace(item.EventId))
            {
                item.EventId = Guid.NewGuid().ToString();
            }
        }
    }
}
