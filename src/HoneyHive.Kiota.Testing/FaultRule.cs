using System.Net;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

internal enum FaultKind
{
    Status,
    Latency,
    TruncatedBody,
    HtmlBadGateway,
    ConnectionFailure,
    PartialBatch,
    ResetAfterProcessing,
    Redirect,
    EchoHeader,

    /// <summary>Processed, then the answer's bytes are misdelivered by a socket host (<see cref="TransportFault"/>).</summary>
    Transport,

    /// <summary>The request is cut off by a socket host while its body arrives: never processed.</summary>
    RequestCut,
}

/// <summary>Which queue a rule is taken from: one of each can apply to the same request.</summary>
internal enum RuleSlot { Latency, Echo, Response }

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

    /// <summary>The redirect's <c>Location</c>; null for the request's own path and query.</summary>
    public string? Location { get; init; }

    /// <summary>The request header whose value an echo rule copies, and the response header it goes into.</summary>
    public (string From, string Into)? Echo { get; init; }

    /// <summary>What a socket host does with the answer (or the request, for <see cref="FaultKind.RequestCut"/>).</summary>
    public TransportFault? Transport { get; init; }

    public RuleSlot Slot => Kind switch
    {
        FaultKind.Latency => RuleSlot.Latency,
        FaultKind.EchoHeader => RuleSlot.Echo,
        _ => RuleSlot.Response,
    };

    /// <summary>The request is processed but the client cannot tell how it went, so it has reason to send it again.</summary>
    public bool HidesOutcome => Kind is FaultKind.TruncatedBody or FaultKind.ResetAfterProcessing or FaultKind.Transport;

    public bool AppliesTo(string path, bool isBatch) =>
        (Path is null || string.Equals(Path, path, StringComparison.Ordinal))
        && (Kind != FaultKind.PartialBatch || isBatch);
}
