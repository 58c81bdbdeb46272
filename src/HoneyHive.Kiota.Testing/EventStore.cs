using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

/// <summary>
/// The stored events in insertion order, keyed by <c>event_id</c>. One lock guards everything:
/// JsonNode trees are not safe for concurrent reads (they materialise lazily), so queries run under it too.
/// </summary>
internal sealed class EventStore
{
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _events = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>Stores the event unless its id is already stored; either way the id counts as created.</summary>
    public bool TryAdd(JsonObject evt, string eventId)
    {
        lock (_gate)
        {
            if (!_ids.Add(eventId))
            {
                return false;
            }

            _events.Add(evt);
            return true;
        }
    }

    public bool Contains(string eventId)
    {
        lock (_gate)
        {
            return _ids.Contains(eventId);
        }
    }

    public T Read<T>(Func<IReadOnlyList<JsonObject>, T> reader)
    {
        lock (_gate)
        {
            return reader(_events);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _events.Clear();
            _ids.Clear();
        }
    }
}
