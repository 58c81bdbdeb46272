using System.Security.Cryptography;
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
                item.EventId = NewId();
            }
        }
    }

    // Random bytes for ids, drawn 1 KiB (64 ids) at a time: Guid.NewGuid reads the OS's generator on every
    // call, a system call that dominated EventSink.Enqueue for an event without an id (PERFORMANCE.md).
    private const int RandomBlockSize = 1024;
    private const int IdSize = 16;

    [ThreadStatic]
    private static byte[]? t_random;

    [ThreadStatic]
    private static int t_used;

    /// <summary>A random (version 4) UUID in the usual form, like <c>Guid.NewGuid().ToString()</c>.</summary>
    public static string NewId()
    {
        var random = t_random;
        if (random is null || t_used == random.Length)
        {
            random = t_random ??= new byte[RandomBlockSize];
            RandomNumberGenerator.Fill(random);
            t_used = 0;
        }

        Span<byte> bytes = stackalloc byte[IdSize];
        random.AsSpan(t_used, IdSize).CopyTo(bytes);
        t_used += IdSize;

        // RFC 9562 version 4 and variant bits; Guid's byte order keeps the version in byte 7's high nibble.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}
