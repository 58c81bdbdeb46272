namespace HoneyHive.Kiota.Testing;

/// <summary>
/// Repeats of stored <c>event_id</c>s arriving over HTTP, and the ids whose request's outcome the client never saw.
/// The second set is what tells a justified retry from a needless duplicate send.
/// </summary>
internal sealed class RepeatLog
{
    private readonly Lock _gate = new();
    private readonly List<RepeatedEvent> _repeats = [];
    private readonly HashSet<string> _hidden = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _repeats.Count;
            }
        }
    }

    public void Record(string eventId)
    {
        lock (_gate)
        {
            _repeats.Add(new RepeatedEvent(eventId, _hidden.Contains(eventId)));
        }
    }

    /// <summary>The request carrying these ids was processed, but the client will not learn how.</summary>
    public void MarkHidden(IEnumerable<string> eventIds)
    {
        lock (_gate)
        {
            _hidden.UnionWith(eventIds);
        }
    }

    public IReadOnlyList<RepeatedEvent> Snapshot()
    {
        lock (_gate)
        {
            return _repeats.ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _repeats.Clear();
            _hidden.Clear();
        }
    }
}
