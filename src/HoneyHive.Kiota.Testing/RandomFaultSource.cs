using System.Net;

namespace HoneyHive.Kiota.Testing;

/// <summary>
/// The seeded draw behind random faults, over a copy of the options taken when injection starts.
/// Not thread-safe: <see cref="FaultPlan"/> calls it under its lock, so the faults follow the order requests arrive.
/// </summary>
internal sealed class RandomFaultSource
{
    // Ascending flag order: the draw indexes into the chosen kinds, so this order is part of the sequence a seed gives.
    private static readonly RandomFaultKinds[] Singles =
    [
        RandomFaultKinds.RateLimited,
        RandomFaultKinds.ServerError,
        RandomFaultKinds.BadGateway,
        RandomFaultKinds.Unavailable,
        RandomFaultKinds.ConnectionFailure,
        RandomFaultKinds.ResetAfterProcessing,
        RandomFaultKinds.TruncatedBody,
        RandomFaultKinds.LatencySpike,
        RandomFaultKinds.CloseMidBody,
        RandomFaultKinds.ResetMidBody,
        RandomFaultKinds.DribbleBody,
        RandomFaultKinds.StallBody,
        RandomFaultKinds.WrongContentLength,
        RandomFaultKinds.RedirectToSelf,
    ];

    // A dribbled answer goes out in this many pieces.
    private const int DribblePieces = 8;

    private readonly Random _random;
    private readonly double _probability;
    private readonly RandomFaultKinds[] _kinds;
    private readonly TimeSpan _retryAfter;
    private readonly TimeSpan _latencySpike;

    public RandomFaultSource(RandomFaultOptions options)
    {
        _random = new Random(options.Seed);
        _probability = options.Probability;
        _kinds = Array.FindAll(Singles, kind => options.Kinds.HasFlag(kind));
        _retryAfter = options.RetryAfter;
        _latencySpike = options.LatencySpike;
    }

    /// <summary>
    /// One <see cref="Random.NextDouble"/> per request; below the probability, one <see cref="Random.Next(int)"/>
    /// over the chosen kinds picks the fault (drawn even when there is one kind, so a seed's sequence does not
    /// depend on how many kinds are chosen). A cut, a stall or a wrong length draws one more
    /// <see cref="Random.NextDouble"/> for where it happens.
    /// </summary>
    public (RandomFaultKinds Kind, FaultRule Rule)? Next()
    {
        if (_random.NextDouble() >= _probability)
        {
            return null;
        }

        var kind = _kinds[_random.Next(_kinds.Length)];
        return (kind, ToRule(kind));
    }

    private FaultRule ToRule(RandomFaultKinds kind) => kind switch
    {
        RandomFaultKinds.RateLimited => new FaultRule { Kind = FaultKind.Status, Status = HttpStatusCode.TooManyRequests, RetryAfter = _retryAfter },
        RandomFaultKinds.ServerError => new FaultRule { Kind = FaultKind.Status, Status = HttpStatusCode.InternalServerError },
        RandomFaultKinds.BadGateway => new FaultRule { Kind = FaultKind.HtmlBadGateway },
        RandomFaultKinds.Unavailable => new FaultRule { Kind = FaultKind.Status, Status = HttpStatusCode.ServiceUnavailable },
        RandomFaultKinds.ConnectionFailure => new FaultRule { Kind = FaultKind.ConnectionFailure },
        RandomFaultKinds.ResetAfterProcessing => new FaultRule { Kind = FaultKind.ResetAfterProcessing },
        RandomFaultKinds.TruncatedBody => new FaultRule { Kind = FaultKind.TruncatedBody },
        RandomFaultKinds.LatencySpike => new FaultRule { Kind = FaultKind.Latency, Delay = _latencySpike },
        RandomFaultKinds.CloseMidBody => Transport(new TransportFault(TransportFaultKind.CutBody) { AtFraction = _random.NextDouble(), Cut = ConnectionCut.Close }),
        RandomFaultKinds.ResetMidBody => Transport(new TransportFault(TransportFaultKind.CutBody) { AtFraction = _random.NextDouble(), Cut = ConnectionCut.Reset }),
        RandomFaultKinds.DribbleBody => Transport(new TransportFault(TransportFaultKind.Dribble) { PieceFraction = 1.0 / DribblePieces, Interval = _latencySpike / DribblePieces }),
        RandomFaultKinds.StallBody => Transport(new TransportFault(TransportFaultKind.Stall) { AtFraction = _random.NextDouble() }),
        RandomFaultKinds.WrongContentLength => Transport(_random.NextDouble() < 0.5
            ? new TransportFault(TransportFaultKind.WrongContentLength) { LengthDelta = 64 }
            : new TransportFault(TransportFaultKind.WrongContentLength) { DeclaredFraction = 0.5 }),
        _ => new FaultRule { Kind = FaultKind.Redirect, Status = HttpStatusCode.TemporaryRedirect },
    };

    private static FaultRule Transport(TransportFault fault) => new() { Kind = FaultKind.Transport, Transport = fault };
}
