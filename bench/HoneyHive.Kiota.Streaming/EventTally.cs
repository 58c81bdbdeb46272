using System.Globalization;
using System.Text.Json;
using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Streaming;

/// <summary>
/// Consumes events the way an export job would, without keeping them: counts them and sums a typed
/// field (<c>duration</c>) and a free-form one (<c>metadata.total_tokens</c>), so the parse cannot be
/// skipped and the result can be compared across runs.
/// </summary>
internal sealed class EventTally
{
    public long Count { get; private set; }

    public double DurationSum { get; private set; }

    public long TotalTokens { get; private set; }

    public void Add(Event item)
    {
        Count++;
        DurationSum += item.Duration ?? 0;
        if (item.Metadata is { ValueKind: JsonValueKind.Object } metadata && metadata.TryGetProperty("total_tokens", out var tokens))
        {
            TotalTokens += tokens.GetInt64();
        }
    }

    public string Checksum => string.Create(CultureInfo.InvariantCulture, $"{Count}/{DurationSum:F4}/{TotalTokens}");
}
