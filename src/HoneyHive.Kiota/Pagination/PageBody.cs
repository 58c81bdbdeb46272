using System.Text.Json;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Kiota.Pagination;

/// <summary>
/// One page of events in pooled memory: the body scanned once for where each event is, each event parsed
/// into a model only when it is reached.
/// </summary>
/// <remarks>
/// Parsing a whole page up front costs a page-sized token table (rented by <see cref="JsonDocument"/>
/// from the shared pool, which parks it per thread) and keeps all 7,500 models alive while the first is
/// read: they outlive several collections, are promoted, and a long export piles up dead pages in gen 2.
/// Parsed one at a time, each event needs a small document and its model dies young; the page's bytes
/// go back to <see cref="BodyBufferPool"/> on dispose.
/// </remarks>
internal sealed class PageBody : IDisposable
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = HoneyHiveJsonParseNodeFactory.MaxDepth };

    private byte[]? _buffer;
    private readonly ReadOnlyMemory<byte> _json;
    private readonly List<(int Start, int Length)> _events;

    private PageBody(byte[] buffer, ReadOnlyMemory<byte> json, List<(int Start, int Length)> events, bool? eventsValid, long? totalEvents)
    {
        _buffer = buffer;
        _json = json;
        _events = events;
        _eventsValid = eventsValid;
        TotalEvents = totalEvents;
    }

    // null: no "events" key; false: "events" is not an array of objects.
    private readonly bool? _eventsValid;

    /// <summary>How many events the page holds.</summary>
    public int Count => _events.Count;


    /// <summary>The server's count of all matching events, when it sent one.</summary>
    public long? TotalEvents { get; }

    /// <summary>Scans a body read into a <see cref="BodyBufferPool"/> rental, which the page then owns.</summary>
    /// <exception cref="HoneyHiveResponseFormatException">The body is not valid JSON or not a JSON object.</exception>
    public static PageBody Scan(byte[] buffer, int length)
    {
        var owned = false;
        try
        {
            var json = BodyBufferPool.JsonText(buffer, length);
            var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { MaxDepth = HoneyHiveJsonParseNodeFactory.MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new HoneyHiveResponseFormatException("The response body is not a JSON object where a page of events was expected.");
            }

            var events = new List<(int, int)>();
            bool? eventsValid = null;
            long? total = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isEvents = reader.ValueTextEquals("events"u8);
                var isTotal = reader.ValueTextEquals("totalEvents"u8);
                reader.Read();
                if (isEvents)
                {
                    events.Clear();
                    eventsValid = ScanEvents(ref reader, events);
                }
                else if (isTotal && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var count))
                {
                    total = count;
                }
                else
                {
                    reader.Skip();
                }
            }

            // Anything after the object but white space is an error, as for any other body.
            if (reader.Read())
            {
                throw new HoneyHiveResponseFormatException("The response body has content after its JSON object.");
            }

            owned = true;
            return new PageBody(buffer, json, events, eventsValid, total);
        }
        catch (JsonException ex)
        {
            throw new HoneyHiveResponseFormatException(JsonErrors.NotJson(ex), ex);
        }
        finally
        {
            if (!owned)
            {
                BodyBufferPool.Return(buffer);
            }
        }
    }

    /// <summary>Checks that the body is a page: a body that is not is a typed error, never an empty page
    /// (which would end the read as if it were complete). Disposes the page when it throws.</summary>
    public static PageBody Validate(PageBody? body, int page, long delivered)
    {
        if (body is null)
        {
            throw new HoneyHiveResponseFormatException($"Page {page} of the read had no body where a page of events was expected; {delivered} events were delivered before it.");
        }

        // {"totalEvents": 0} without the array is an unambiguous empty result.
        if (body._eventsValid == true || (body._eventsValid is null && body.TotalEvents == 0))
        {
            return body;
        }

        body.Dispose();
        throw new HoneyHiveResponseFormatException($"Page {page} of the read has no \"events\" array; {delivered} events were delivered before it.");
    }

    /// <summary>First and last event ids with the count: two consecutive pages with the same signature
    /// mean the server ignores the page number. Events without ids give no signature.</summary>
    public (int, string?, string?)? Signature()
    {
        if (Count == 0)
        {
            return null;
        }

        var first = IdOf(_events[0]);
        var last = IdOf(_events[^1]);
        return first is not null && last is not null ? (Count, first, last) : null;
    }

    /// <summary>The first <paramref name="take"/> events, each parsed into a model when it is reached.</summary>
    public IEnumerable<Event> Events(int take)
    {
        for (var i = 0; i < take && i < Count; i++)
        {
            yield return Materialize(_events[i]);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            BodyBufferPool.Return(buffer);
        }
    }

    // Records where each event object starts and ends; false when "events" is not an array of objects.
    private static bool ScanEvents(ref Utf8JsonReader reader, List<(int, int)> events)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return false;
        }

        var allObjects = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                allObjects = false;
                reader.Skip();
                continue;
            }

            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            events.Add((start, (int)reader.BytesConsumed - start));
        }

        return allObjects;
    }

    private Event Materialize((int Start, int Length) range)
    {
        // The document is disposed right after: the model copies what it keeps.
        using var document = JsonDocument.Parse(Slice(range), DocumentOptions);
        return HoneyHiveJsonParseNode.ReadOwned(document.RootElement, Event.CreateFromDiscriminatorValue);
    }

    private string? IdOf((int Start, int Length) range)
    {
        using var document = JsonDocument.Parse(Slice(range), DocumentOptions);
        return document.RootElement.TryGetProperty("event_id"u8, out var id) && JsonElementReader.TryGetString(id, out var text) ? text : null;
    }

    private ReadOnlyMemory<byte> Slice((int Start, int Length) range) =>
        _buffer is null ? throw new ObjectDisposedException(nameof(PageBody)) : _json.Slice(range.Start, range.Length);
}
