using System.Globalization;
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
        TotalTokens += item.Metadata.GetProperty("total_tokens").GetInt64() ?? 0;
    }

    public string Checksum => string.Create(CultureInfo.InvariantCulture, $"{Count}/{DurationSum:F4}/{TotalTokens}");
}
