using System.Net;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

/// <summary>
/// Faults to inject into upcoming requests. Each rule applies to the next <c>times</c> requests whose
/// path matches (any path when <c>path</c> is <see langword="null"/>), in the order rules were added.
/// A latency rule and one response rule can both apply to the same request. Random faults
/// (<see cref="InjectRandomFaults(RandomFaultOptions)"/>) hit only requests no queued rule applies to. Thread-safe.
/// </summary>
public sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private readonly Dictionary<RandomFaultKinds, int> _injected = [];
    private RandomFaultSource? _random;
    private int _injectedTotal;

    /// <summary>Number of queued rule applications not yet consumed.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _rules.Sum(r => r.Remaining);
            }
        }
    }

    /// <summary>
    /// Random faults injected so far by <see cref="InjectRandomFaults(RandomFaultOptions)"/>, by kind: one entry per
    /// kind injected at least once, counted when the fault is chosen. A snapshot; queued rules are not counted.
    /// </summary>
    public IReadOnlyDictionary<RandomFaultKinds, int> InjectedFaults
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<RandomFaultKinds, int>(_injected);
            }
        }
    }

    /// <summary>The number of random faults injected so far (the sum of <see cref="InjectedFaults"/>).</summary>
    public int InjectedFaultTotal
    {
        get
        {
            lock (_gate)
            {
                return _injectedTotal;
            }
        }
    }

    /// <summary>Answer with <paramref name="status"/> instead of processing the request.</summary>
    /// <param name="status">The status code to return, e.g. 429 or 503.</param>
    /// <param name="retryAfter">When set, a <c>Retry-After</c> header in whole seconds.</param>
    /// <param name="jsonBody">The JSON body; defaults to <c>{"error":"&lt;reason phrase&gt;"}</c>.</param>
    /// <param name="path">Only requests to this path (e.g. <c>/events/batch</c>); any path when null.</param>
    /// <param name="times">How many matching requests this applies to.</param>
    public void RespondWithStatus(HttpStatusCode status, TimeSpan? retryAfter = null, string? jsonBody = null, string? path = null, int times = 1) =>
        Add(new FaultRule { Kind = FaultKind.Status, Status = status, RetryAfter = retryAfter, Body = jsonBody, Path = path, Remaining = times });

    /// <summary>Delay the response (the request's cancellation token is honoured), then answer normally.</summary>
    /// <param name="delay">How long to wait, measured by the configured <see cref="TimeProvider"/>.</param>
    /// <param name="path">Only requests to this path; any path when null.</param>
    /// <param name="times">How many matching requests this applies to.</param>
    public void AddLatency(TimeSpan delay, string? path = null, int times = 1) =>
        Add(new FaultRule { Kind = FaultKind.Latency, Delay = delay, Path = path, Remaining = times });

    /// <summary>Process the request, then cut the response body in half so it is no longer valid JSON.</summary>
    /// <param name="path">Only requests to this path; any path when null.</param>
    /// <param name="times">How many matching requests this applies to.</param>
    public void TruncateBody(string? path = null, int times = 1) =>
        Add(new FaultRule { Kind = FaultKind.TruncatedBody, Path = path, Remaining = times });

    /// <summary>Answer 502 with an HTML page (<c>text/html</c>), as a load balancer in front of the API does.</summary>
    /// <param name="path">Only requests to this path; any path when null.</param>
    /// <param name="times">How many matching requests this applies to.</param>
    public void HtmlBadGateway(string? path = null, int times = 1) =>
        Add(new FaultRule { Kind = FaultKind.HtmlBadGateway, Path = path, Remaining = times });

    /// <summary>Throw <see cref="HttpRequestException"/> (connection refused), as <c>SocketsHttpHandler</c> does.</summary>
    /// <param name="path">Only requests to this path; any path when null.</param>
    /// <param name="times">How many matching requests this applies to.</param>
    public void FailConnection(string? path = null, int times = 1) =>
        Add(new FaultRule { Kind = FaultKind.ConnectionFailure, Path = path, Remaining = times });

    /// <summary>
    /// Process the request (a batch stores its events), then throw <see cref="HttpRequestException"/> (connection
    /// reset) instead of answering: the work is done but the client cannot know it. Over a loopback host the
    /// connection is aborted.
    /// </summary>
    /// <param name="path">Only requests to this path; any path when null.</param>
    /// <param name="times">How many matching requests this applies to.</param>
    public void ResetConnectionAfterProcessing(string? path = null, int times = 1) =>
        Add(new FaultRule { Kind = FaultKind.ResetAfterProcessing, Path = path, Remaining = times });

    /// <summary>
    /// Make the next batch request(s) partially fail: events for which <paramref name="shouldFail"/> returns true
    /// (given the event as it would be stored, with its <c>event_id</c>, and its index in the batch) are not stored,
    /// the others are, and the batch answers 500 <c>{ event_ids, errors, success: false }</c>.
    /// </summary>
    /// <param name="shouldFail">Chooses the failing events.</param>
    /// <param name="times">How many batch requests this applies to.</param>
    public void FailBatchEvents(Func<JsonObject, int, bool> shouldFail, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(shouldFail);
        Add(new FaultRule { Kind = FaultKind.PartialBatch, FailEvent = shouldFail, Path = Routing.BatchPath, Remaining = times });
    }

    /// <summary>Partially fail the next batch: the events with these <c>event_id</c>s are not stored.</summary>
    /// <param name="eventIds">The ids of the events to fail.</param>
    public void FailBatchEventIds(params string[] eventIds)
    {
        var ids = eventIds.ToHashSet(StringComparer.Ordinal);
        FailBatchEvents((evt, _) => ids.Contains(EventShape.EventId(evt)));
    }

    /// <summary>Partially fail the next batch: the events at these zero-based positions are not stored.</summary>
    /// <param name="indexes">Positions in the request's <c>events</c> array.</param>
    public void FailBatchEventsAt(params int[] indexes)
    {
        var set = indexes.ToHashSet();
        FailBatchEvents((_, index) => set.Contains(index));
    }

    /// <summary>
    /// From now on, give every request no queued rule applies to a fault with probability
    /// <see cref="RandomFaultOptions.Probability"/>, chosen uniformly from <see cref="RandomFaultOptions.Kinds"/>.
    /// The draws come from <c>new Random(Seed)</c> in the order requests arrive, so sequential requests get the same
    /// faults on every run. Replaces any earlier random injection (restarting its sequence); the counts in
    /// <see cref="InjectedFaults"/> carry on.
    /// </summary>
    /// <param name="options">Seed, probability and kinds; copied, so later changes to it have no effect.</param>
    public void InjectRandomFaults(RandomFaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var source = new RandomFaultSource(options);
        lock (_gate)
        {
            _random = source;
        }
    }

    /// <summary>Stops random faults (queued rules and the counts are kept).</summary>
    public void StopRandomFaults()
    {
        lock (_gate)
        {
            _random = null;
        }
    }

    /// <summary>Removes every queued rule (random faults, if injected, go on).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    internal FaultRule? TakeLatency(string path)
    {
        lock (_gate)
        {
            return TakeQueued(path, isBatch: false, latency: true);
        }
    }

    /// <summary>
    /// The queued response rule for this request, else (when no queued latency rule applied either) a random
    /// fault, if one is drawn. A random latency spike comes back as a <see cref="FaultKind.Latency"/> rule.
    /// </summary>
    internal FaultRule? TakeResponseFault(string path, bool isBatch, bool hadQueuedLatency)
    {
        lock (_gate)
        {
            var rule = TakeQueued(path, isBatch, latency: false);
            if (rule is not null || hadQueuedLatency || _random?.Next() is not { } injected)
            {
                return rule;
            }

            _injected[injected.Kind] = _injected.GetValueOrDefault(injected.Kind) + 1;
            _injectedTotal++;
            return injected.Rule;
        }
    }

    // Callers hold _gate.
    private FaultRule? TakeQueued(string path, bool isBatch, bool latency)
    {
        var rule = _rules.Find(r => (r.Kind == FaultKind.Latency) == latency && r.AppliesTo(path, isBatch));
        if (rule is not null && --rule.Remaining <= 0)
        {
            _rules.Remove(rule);
        }

        return rule;
    }

    private void Add(FaultRule rule)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.Remaining, 1, "times");
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }
}
