using System.Text;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// Hands out one string instance for short values that repeat while a response is read.
/// </summary>
/// <remarks>
/// A page of events repeats the same few short values thousands of times (the project id on every
/// event, a session's id as <c>session_id</c> and <c>parent_id</c> of each of its events, the
/// source, the event name); allocating each again cost megabytes per 7,500-event page. A small
/// per-thread table keyed by a hash of the UTF-8 bytes returns the previous instance when the bytes
/// match, and simply allocates otherwise, so a miss or a collision costs no more than before.
/// Strings are immutable, so sharing an instance between models is invisible to callers.
/// </remarks>
internal static class RecentStrings
{
    // Longer values (free text) rarely repeat; ids are 24 to 36 bytes.
    private const int MaxLength = 64;
    private const int Slots = 256;

    [ThreadStatic]
    private static string?[]? t_slots;

    /// <summary>The string for unescaped UTF-8 text, reusing a recent identical instance.</summary>
    /// <param name="utf8">The text.</param>
    /// <returns>The string.</returns>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var slots = t_slots ??= new string?[Slots];
        var hash = new HashCode();
        hash.AddBytes(utf8);
        var slot = (uint)hash.ToHashCode() % Slots;
        // Ascii.Equals is false for non-ASCII text, which then just gets a new string.
        if (slots[slot] is { } cached && System.Text.Ascii.Equals(utf8, cached))
        {
            return cached;
        }

        return slots[slot] = Encoding.UTF8.GetString(utf8);
    }
}
