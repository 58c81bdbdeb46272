namespace HoneyHive.Kiota.Batching;

/// <summary>
/// An event the client cannot write as JSON — a NaN or infinite number in <c>duration</c>, a timestamp, a free-form
/// value (<c>metadata.cost</c>) or any other field, or anything else the JSON writer refuses: it is reported failed
/// with this exception and never sent, and the other events of its batch are sent as usual.
/// </summary>
public sealed class EventNotWritableException : Exception
{
    internal EventNotWritableException(string eventId, string? field, string reason, Exception? innerException)
        : base(
            field is null
                ? $"Event {eventId} was not sent: it cannot be written as JSON ({reason})."
                : $"Event {eventId} was not sent: its field '{field}' cannot be written as JSON ({reason}). Fix the value and send the event again; it keeps its event_id.",
            innerException)
    {
        EventId = eventId;
        Field = field;
    }

    /// <summary>The event's id.</summary>
    public string EventId { get; }

    /// <summary>The path of the field that cannot be written, when the writer could tell.</summary>
    public string? Field { get; }
}
