using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Batching;

/// <summary>The outcome of one event of a batch.</summary>
public sealed class BatchEventOutcome
{
    internal BatchEventOutcome(int index, CreateEventRequest @event, BatchEventStatus status, string? error, Exception? exception, string? sessionId)
    {
        Index = index;
        Event = @event;
        EventId = @event.EventId!;
        Status = status;
        Error = error;
        Exception = exception;
        SessionId = sessionId;
    }

    /// <summary>The event's position in the input.</summary>
    public int Index { get; }

    /// <summary>The event's id: the caller's, or the UUID the batcher assigned.</summary>
    public string EventId { get; }

    /// <summary>The event as sent, e.g. to send failed events again.</summary>
    public CreateEventRequest Event { get; }

    /// <summary>What happened.</summary>
    public BatchEventStatus Status { get; }

    /// <summary>Why the event was not created: the server's error text, the exception's message, or a
    /// generic reason. Null when created.</summary>
    public string? Error { get; }

    /// <summary>The exception that failed the event's whole request, when there was one
    /// (e.g. an <see cref="Microsoft.Kiota.Abstractions.ApiException"/> with the status code).</summary>
    public Exception? Exception { get; }

    /// <summary>The session id the server answered for the event's request, when it sent one.</summary>
    public string? SessionId { get; }

    /// <summary>A one-line description.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Error is null ? $"#{Index} {EventId}: {Status}" : $"#{Index} {EventId}: {Status} ({Error})";
}
