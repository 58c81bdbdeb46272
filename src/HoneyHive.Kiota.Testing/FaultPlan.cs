using System.Net;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

/// <summary>
/// Faults to inject into upcoming requests. Each rule applies to the next <c>times</c> requests whose
/// path matches (any path when <c>path</c> is <see langword="null"/>), in the order rules were added.
/// A latency rule, an echo rule and one response rule can all apply to the same request. Random faults
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
    /// Process the request (a batch stores its events), then send the status, the headers with the true
    /// <c>Content-Length</c> and only the first <paramref name="afterBodyBytes"/> bytes of the body, and cut the
    /// connection: the client's read of the body fails part-way. Played by <c>FaultyLoopbackHoneyHive</c>
    /// (HoneyHive.Kiota.Testing.Hosting); served any other way, the request is processed and the connection reset
    /// instead of answered, as <see cref="ResetConnectionAfterProcessing"/>.
    /// </summary>
    /// <param name="afterBodyBytes">Body bytes sent before the cut (0: none, only the status and headers).</param>
    /// <param name="cut">An orderly close (FIN) or a reset (RST).</param>
    /// <param name="path">Only requests to this path; any path when null.</param>
    /// <param name="times">How many matching requests this applies to.</param>
    public void CutResponseBody(int afterBodyBytes, ConnectionCut cut = ConnectionCut.Close, string? path = null, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterBodyBytes);
        Add(Transport(new TransportFault(TransportFaultKind.CutBody) { AfterBodyBytes = afterBodyBytes, Cut = CheckCut(cut) }, path, times));
    }

    /// <summary>
    /// Read the request's headers and the first <paramref name="afterBodyBytes"/> bytes of its body, then cut the
    /// connection without processing it: nothing is stored, the client gets no answer. Played by
    /// <c>FaultyLoopbackHoneyHive</c>; served any other way, the request is refused before processing, as
    /// <see cref="FailConnection"/>. The request is logged in <see cref="InMemoryHoneyHive.Requests"/> with the part
    /// of its body that arrived.
    /// </summary>
    /// <param name="afterBodyBytes">Request body bytes read before the cut.</param>
    /// <param name="cut">An orderly close (FIN) or a reset (RST).</param>
    /// <param name="path">Only requests to this path; any path when null.</param>
    /// <param name="times">How many matching requests this applies to.</param>
    public void CutRequestBody(int afterBodyBytes, ConnectionCut cut = ConnectionCut.Close, string? path = null, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterBodyBytes);
        Add(new FaultRule
        {
            Kind = FaultKind.RequestCut,
            Transport = new TransportFault(TransportFaultKind.CutRequest) { AfterBodyBytes = afterBodyBytes, Cut = CheckCut(cut) },
            Path = path,
            Remaining = times,
        });
    }

    /// <summary>
    /// Process the request, then send the answer <paramref name="bytesPerWrite"/> bytes at a time with
    /// <paramref name="interval"/> between writes (real time), as a congested or throttled link does. Played by
    /// <c>FaultyLoopbackHoneyHive</c>; served any other way, as <see cref="ResetConnectionAfterProcessing"/>.
    /// </summary>
    /// <param name="bytesPerWrite">Bytes per write, at least 1.</param>
    /// <param name="interval">The pause between writes.</param>
    /// <param name="path">Only requests to this path; any path when null.</param>
    /// <param name="times">How many matching requests this applies to.</param>
    public void DribbleResponse(int bytesPerWrite, TimeSpan interval, string? path = null, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytesPerWrite, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        Add(Transport(new TransportFault(TransportFaultKind.Dribble) { PieceBytes = bytesPerWrite, Interval = interval }, path, times));
    }

    /// <summary>
    /// Process the request, send the status, headers and the first <paramref name="afterBodyBytes"/> bytes of the body,
    /// then send nothing more, keeping the connection open until the client closes it (or the host stops): only the
    /// client's own timeout ends the wait. Played by <c>FaultyLoopbackHoneyHive</c>; served any other way, as
    /// <see cref="ResetConnectionAfterProcessing"/>.
    /// </summary>
    /// <param name="afterBodyBytes">Body bytes sent before the stall.</param>
    /// <param name="path">Only requests to this path; any path when null.</param>
    /// <param name="times">How many matching requests this applies to.</param>
    public void StallResponseBody(int afterBodyBytes, string? path = null, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterBodyBytes);
        Add(Transport(new TransportFault(TransportFaultKind.Stall) { AfterBodyBytes = afterBodyBytes }, path, times));
    }

    /// <summary>
    /// Process the request, then declare a <c>Content-Length</c> <paramref name="lengthDelta"/> bytes off the body's
    /// (more: the client waits for bytes that never come; fewer: it reads a cut body), send the whole body and close
    /// the connection. Played by <c>FaultyLoopbackHoneyHive</c>; served any other way, as
    /// <see cref="ResetConnectionAfterProcessing"/>.
    /// </summary>
    /// <param name="lengthDelta">Declared minus true length; not 0. A declared length below 0 is sent as 0.</param>
    /// <param name="path">Only requests to this path; any path when null.</param>
    /// <param name="times">How many matching requests this applies to.</param>
    public void SendWrongContentLength(int lengthDelta, string? path = null, int times = 1)
    {
        if (lengthDelta == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lengthDelta), lengthDelta, "lengthDelta must not be 0: that is the right length.");
        }

        Add(Transport(new TransportFault(TransportFaultKind.WrongContentLength) { LengthDelta = lengthDelta }, path, times));
    }

    /// <summary>
    /// Answer with a redirect instead of processing the request: <paramref name="status"/> with a <c>Location</c> of
    /// <paramref name="location"/>, or of the request's own path and query when null (with <c>times</c> above the
    /// client's redirect limit, a redirect loop).
    /// </summary>
    /// <param name="status">301, 302, 303, 307 or 308.</param>
    /// <param name="location">The <c>Location</c> header (absolute, or a path on the same host); null for the request's own.</param>
    /// <param name="path">Only requests to this path; any path when null.</param>
    /// <param name="times">How many matching requests this applies to.</param>
    public void Redirect(HttpStatusCode status = HttpStatusCode.Found, string? location = null, string? path = null, int times = 1)
    {
        if ((int)status is not (301 or 302 or 303 or 307 or 308))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A redirect status is 301, 302, 303, 307 or 308.");
        }

        Add(new FaultRule { Kind = FaultKind.Redirect, Status = status, Location = location, Path = path, Remaining = times });
    }

    /// <summary>
    /// Copy the value of request header <paramref name="requestHeader"/> into response header
    /// <paramref name="responseHeader"/> of the answer, whatever it is (faults included), as misconfigured proxies and
    /// debugging middleware do: <c>EchoRequestHeader("Authorization", "x-request-id")</c> puts the caller's key in the
    /// header clients quote as the request id. One echo rule and one response rule can apply to the same request.
    /// </summary>
    /// <param name="requestHeader">The request header to copy (nothing is added when it is absent).</param>
    /// <param name="responseHeader">The response header to set.</param>
    /// <param name="path">Only requests to this path; any path when null.</param>
    /// <param name="times">How many matching requests this applies to.</param>
    public void EchoRequestHeader(string requestHeader, string responseHeader, string? path = null, int times = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestHeader);
        ArgumentException.ThrowIfNullOrWhiteSpace(responseHeader);
        Add(new FaultRule { Kind = FaultKind.EchoHeader, Echo = (requestHeader, responseHeader), Path = path, Remaining = times });
    }

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
            return TakeQueued(path, isBatch: false, RuleSlot.Latency);
        }
    }

    internal FaultRule? TakeEcho(string path)
    {
        lock (_gate)
        {
            return TakeQueued(path, isBatch: false, RuleSlot.Echo);
        }
    }

    /// <summary>A queued request cut for this path, taken by a socket host before it reads the request body.</summary>
    internal TransportFault? TakeRequestCut(string path)
    {
        lock (_gate)
        {
            var rule = _rules.Find(r => r.Kind == FaultKind.RequestCut && r.AppliesTo(path, isBatch: false));
            if (rule is not null && --rule.Remaining <= 0)
            {
                _rules.Remove(rule);
            }

            return rule?.Transport;
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
            var rule = TakeQueued(path, isBatch, RuleSlot.Response);
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
    private FaultRule? TakeQueued(string path, bool isBatch, RuleSlot slot)
    {
        var rule = _rules.Find(r => r.Slot == slot && r.AppliesTo(path, isBatch));
        if (rule is not null && --rule.Remaining <= 0)
        {
            _rules.Remove(rule);
        }

        return rule;
    }

    private static FaultRule Transport(TransportFault fault, string? path, int times) =>
        new() { Kind = FaultKind.Transport, Transport = fault, Path = path, Remaining = times };

    private static ConnectionCut CheckCut(ConnectionCut cut) =>
        Enum.IsDefined(cut) ? cut : throw new ArgumentOutOfRangeException(nameof(cut), cut, "cut is not a ConnectionCut value.");

    private void Add(FaultRule rule)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.Remaining, 1, "times");
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }
}
