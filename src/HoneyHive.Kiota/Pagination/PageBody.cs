using System.Text.Json;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Kiota.Pagination;

/// <summary>
/// One page as parsed JSON in pooled memory, its events turned into models on demand.
/// </summary>
/// <remarks>
/// Materializing a whole page of models up front keeps all 7,500 of them alive while the first is read:
/// they outlive several collections, are promoted, and a long export piles up dead pages in gen 2.
/// Made one at a time, each model dies young; the page's own memory goes back to the pool on dispose.
/// </remarks>
internal sealed class PageBody : IDisposable
{
    private readonly HoneyHiveJsonParseNode _root;
    private readonly JsonElement _events;

    private PageBody(HoneyHiveJsonParseNode root, JsonElement events, int count, long? totalEvents)
    {
        _root = root;
        _events = events;
        Count = count;
        TotalEvents = totalEvents;
    }

    /// <summary>How many events the page holds.</summary>
    public int Count { get; }

    /// <summary>The server's count of all matching events, when it sent one.</summary>
    public long? TotalEvents { get; }

    /// <summary>Validates a page; a body that is not a page is a typed error, never an empty page.</summary>
    public static PageBody Read(HoneyHiveJsonParseNode? root, int page, long delivered)
    {
        if (root is null)
        {
            throw new HoneyHiveResponseFormatException($"Page {page} of the read had no body where a page of events was expected; {delivered} events were delivered before it.");
        }

        try
        {
            var body = root.Element;
            if (body.ValueKind != JsonValueKind.Object)
            {
                throw new HoneyHiveResponseFormatException($"Page {page} of the read is not a JSON object; {delivered} events were delivered before it.");
            }

            var total = body.TryGetProperty("totalEvents"u8, out var totalValue) && JsonElementReader.TryGetInt64(totalValue, out var parsed) ? parsed : null;
            if (!body.TryGetProperty("events"u8, out var events))
            {
                // {"totalEvents": 0} without the array is an unambiguous empty result.
                return total == 0
                    ? new PageBody(root, default, 0, total)
                    : throw NoEventsArray(page, delivered);
            }

            if (events.ValueKind != JsonValueKind.Array || events.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object))
            {
                throw NoEventsArray(page, delivered);
            }

            return new PageBody(root, events, events.GetArrayLength(), total);
        }
        catch
        {
            root.ReleaseBody();
            throw;
        }
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
        var last = IdOf(_events[Count - 1]);
        return first is not null && last is not null ? (Count, first, last) : null;
    }

    /// <summary>The first <paramref name="take"/> events, each made into a model when it is reached.</summary>
    public IEnumerable<Event> Events(int take)
    {
        if (Count == 0)
        {
            yield break;
        }

        var index = 0;
        foreach (var item in _events.EnumerateArray())
        {
            if (index++ == take)
            {
                yield break;
            }

            yield return Materialize(item);
        }
    }

    public void Dispose() => _root.ReleaseBody();

    private static Event Materialize(JsonElement item)
    {
        try
        {
            // The page's memory is released after the page: the model copies what it keeps.
            using (JsonElementReader.Detaching(true))
            {
                return new HoneyHiveJsonParseNode(item).GetObjectValue(Event.CreateFromDiscriminatorValue);
            }
        }
        catch (InvalidOperationException ex)
        {
            // As for a whole body: a property name that cannot be decoded (a lone surrogate escape).
            throw new HoneyHiveResponseFormatException($"An event holds text that is not valid Unicode: {ex.Message}", ex);
        }
    }

    private static string? IdOf(JsonElement item) =>
        item.TryGetProperty("event_id"u8, out var id) && JsonElementReader.TryGetString(id, out var text) ? text : null;

    private static HoneyHiveResponseFormatException NoEventsArray(int page, long delivered) =>
        new($"Page {page} of the read has no \"events\" array; {delivered} events were delivered before it.");
}
