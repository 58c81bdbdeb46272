using System.Text.Json;

namespace HoneyHive.Kiota.Serialization;

/// <summary>Where a body stopped being JSON, in words: System.Text.Json's own message is a resource key
/// ("ExpectedNull, LineNumber: 0 | BytePositionInLine: 1") in apps trimmed with <c>UseSystemResourceKeys</c>.</summary>
internal static class JsonErrors
{
    /// <summary>"at line 3, byte 17" (both 1-based), or empty when the reader did not say.</summary>
    public static string Where(JsonException exception) =>
        exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? $" at line {line + 1}, byte {position + 1}"
            : string.Empty;

    public static string NotJson(JsonException exception) => $"The response body is not valid JSON{Where(exception)}.";
}
