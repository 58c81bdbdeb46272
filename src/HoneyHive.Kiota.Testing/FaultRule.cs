using System.Net;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

internal enum FaultKind { Status, Latency, TruncatedBody, HtmlBadGateway, ConnectionFailure, PartialBatch, ResetAfterProcessing }

/// <summary>One queued fault: what to do, to which path, and how many more requests it applies to.</summary>
internal sealed class FaultRule
{
    public required FaultKind Kind { get; init; }
    public string? Path { get; init => field = value is null ? null : Routing.NormalizePath(value); }
    public int Remaining { get; set; }
    public HttpStatusCode Status { get; init; }
    public TimeSpan? RetryAfter { get; init; }
    public string? Body { get; init; }
    public TimeSpan Delay { get; init; }
    public Func<JsonObject, int, bool>? FailEvent { get; init; }

    /// <summary>The request is processed but the client cannot tell how it went, so it has reason to send it again.</summary>
    public bool HidesOutcome => Kind is FaultKind.TruncatedBody or FaultKind.ResetAfterProcessing;

    public bool AppliesTo(string path, bool isBatch) =>
        (Path is null || string.Equals(Path, path, StringComparison.Ordinal))
        && (Kind != FaultKind.PartialBatch || isBatch);
}
