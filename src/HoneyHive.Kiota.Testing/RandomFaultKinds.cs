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

    /// <summary>Every kind above: the faults an <see cref="HttpMessageHandler"/> can produce by itself.</summary>
    All = RateLimited | ServerError | BadGateway | Unavailable | ConnectionFailure | ResetAfterProcessing | TruncatedBody | LatencySpike,

    /// <summary>
    /// The request is processed, then the status, headers and a random part of the body (none to all but the last
    /// byte) are sent and the connection is closed (FIN). The kinds from here on are played by
    /// <c>FaultyLoopbackHoneyHive</c>; served any other way, each is a reset after processing.
    /// </summary>
    CloseMidBody = 256,

    /// <summary>As <see cref="CloseMidBody"/>, with a reset (RST) instead of a close.</summary>
    ResetMidBody = 512,

    /// <summary>The request is processed, then the answer goes out in 8 pieces spread over <see cref="RandomFaultOptions.LatencySpike"/>.</summary>
    DribbleBody = 1024,

    /// <summary>The request is processed, then the status, headers and a random part of the body are sent, then
    /// nothing until the client gives up.</summary>
    StallBody = 2048,

    /// <summary>The request is processed, then the answer declares a wrong <c>Content-Length</c> (at random, 64 bytes
    /// more than it sends, or half its length) and the connection is closed.</summary>
    WrongContentLength = 4096,

    /// <summary>A 307 redirect to the request's own path and query, without processing; the request that follows it
    /// is a new request (its own fault, if any).</summary>
    RedirectToSelf = 8192,

    /// <summary><see cref="All"/> and every kind played over raw sockets, and the redirect.</summary>
    AllWithTransport = All | CloseMidBody | ResetMidBody | DribbleBody | StallBody | WrongContentLength | RedirectToSelf,
}
