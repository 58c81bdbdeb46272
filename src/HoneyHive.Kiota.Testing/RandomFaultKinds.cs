namespace HoneyHive.Kiota.Testing;

/// <summary>The faults <see cref="FaultPlan.InjectRandomFaults(RandomFaultOptions)"/> chooses from.</summary>
[Flags]
public enum RandomFaultKinds
{
    /// <summary>429 with a <c>Retry-After</c> header (<see cref="RandomFaultOptions.RetryAfter"/>); nothing is processed.</summary>
    RateLimited = 1,

    /// <summary>500 with a plain JSON error body (never the batch's partial-success shape); nothing is processed.</summary>
    ServerError = 2,

    /// <summary>502 with the HTML page a load balancer sends (<c>text/html</c>); nothing is processed.</summary>
    BadGateway = 4,

    /// <summary>503 with a JSON error body; nothing is processed.</summary>
    Unavailable = 8,

    /// <summary><see cref="HttpRequestException"/>, connection refused, before anything is processed.</summary>
    ConnectionFailure = 16,

    /// <summary>The request is processed, then <see cref="HttpRequestException"/>, connection reset, instead of an answer.</summary>
    ResetAfterProcessing = 32,

    /// <summary>The request is processed, then only the first half of the response body is sent.</summary>
    TruncatedBody = 64,

    /// <summary>A delay of <see cref="RandomFaultOptions.LatencySpike"/>, then a normal answer.</summary>
    LatencySpike = 128,

    /// <summary>Every kind above.</summary>
    All = RateLimited | ServerError | BadGateway | Unavailable | ConnectionFailure | ResetAfterProcessing | TruncatedBody | LatencySpike,
}
