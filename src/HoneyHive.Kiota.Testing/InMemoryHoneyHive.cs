using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

/// <summary>
/// An in-memory HoneyHive events API (<c>GET /events</c>, <c>POST /events/export</c>, <c>POST /events/batch</c>)
/// as an <see cref="HttpMessageHandler"/>: give it to an <see cref="HttpClient"/> and any client library talks
/// to it over real HTTP messages and JSON. Thread-safe.
/// </summary>
public sealed class InMemoryHoneyHive : HttpMessageHandler
{
    private const string BadGatewayHtml =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";

    private readonly EventStore _store = new();
    private readonly RepeatLog _repeats = new();
    private readonly Lock _logGate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly string? _apiKey;
    private readonly TimeProvider _time;
    private readonly EventOrder _order;

    /// <summary>Creates an empty fake.</summary>
    /// <param name="options">API key, clock and result order; defaults accept any request, use the system clock and list events in insertion order.</param>
    public InMemoryHoneyHive(InMemoryHoneyHiveOptions? options = null)
    {
        _apiKey = options?.ApiKey;
        _time = options?.TimeProvider ?? TimeProvider.System;
        _order = options?.Order ?? EventOrder.Insertion;
        if (_order is not (EventOrder.Insertion or EventOrder.StartTimeDescending))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _order, "Order is not an EventOrder value.");
        }
    }

    /// <summary>Faults to inject into upcoming requests.</summary>
    public FaultPlan Faults { get; } = new();

    /// <summary>A snapshot (deep copies) of every stored event, in insertion order, in the API's <c>Event</c> shape.</summary>
    public IReadOnlyList<JsonObject> Events =>
        _store.Read(events => events.Select(e => (JsonObject)e.DeepClone()).ToList());

    /// <summary>
    /// A snapshot of every event sent to <c>POST /events/batch</c> whose <c>event_id</c> was already stored (stored
    /// once, reported created), one entry per occurrence, oldest first. Events given to
    /// <see cref="AddEvents(IEnumerable{JsonObject})"/> are never counted as repeats themselves.
    /// </summary>
    public IReadOnlyList<RepeatedEvent> RepeatedEvents => _repeats.Snapshot();

    /// <summary>The number of entries in <see cref="RepeatedEvents"/>.</summary>
    public int RepeatedEventCount => _repeats.Count;

    /// <summary>A snapshot of every request received so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_logGate)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>
    /// Stores events directly, bypassing HTTP. Each is normalised as a batch would be
    /// (<c>project</c> → <c>project_id</c>, missing ids assigned); an already stored <c>event_id</c> is skipped.
    /// </summary>
    /// <param name="events">Events in <c>Event</c> or <c>CreateEventRequest</c> shape.</param>
    /// <returns>The <c>event_id</c> of each event, in order.</returns>
    public IReadOnlyList<string> AddEvents(params IEnumerable<JsonObject> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var ids = new List<string>();
        foreach (var evt in events)
        {
            var stored = EventShape.Normalize(evt, forcedSessionId: null, NowMs());
            var id = EventShape.EventId(stored);
            _store.TryAdd(stored, id);
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>Stores events given as a JSON array of event objects (see <see cref="AddEvents(IEnumerable{JsonObject})"/>).</summary>
    /// <param name="jsonArray">For example the <c>events</c> array of a documented response.</param>
    /// <returns>The <c>event_id</c> of each event, in order.</returns>
    public IReadOnlyList<string> AddEventsJson(string jsonArray)
    {
        var array = JsonNode.Parse(jsonArray) as JsonArray
            ?? throw new ArgumentException("Expected a JSON array of event objects.", nameof(jsonArray));
        return AddEvents(array.Select(node => node as JsonObject
            ?? throw new ArgumentException("Every element must be a JSON object.", nameof(jsonArray))).ToList());
    }

    /// <summary>Removes every stored event and the <see cref="RepeatedEvents"/> log (the request log and faults are kept).</summary>
    public void ClearEvents()
    {
        _store.Clear();
        _repeats.Clear();
    }

    /// <summary>Empties the request log.</summary>
    public void ClearRequests()
    {
        lock (_logGate)
        {
            _requests.Clear();
        }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        lock (_logGate)
        {
            _requests.Add(RecordedRequest.From(request, body));
        }

        var path = Routing.NormalizePath(request.RequestUri);
        var (route, allowed) = Routing.Match(request.Method, path);

        var latency = Faults.TakeLatency(path);
        if (latency is not null)
        {
            await Task.Delay(latency.Delay, _time, cancellationToken).ConfigureAwait(false);
        }

        var echo = Faults.TakeEcho(path);
        var fault = Faults.TakeResponseFault(path, route == Route.CreateBatch, hadQueuedLatency: latency is not null);
        if (fault?.Kind == FaultKind.Latency)
        {
            // A random latency spike: wait, then answer normally.
            await Task.Delay(fault.Delay, _time, cancellationToken).ConfigureAwait(false);
            fault = null;
        }

        // A socket host that can play transport faults says so; without one they are approximated by a reset.
        request.Options.TryGetValue(TransportChannel.Key, out var channel);
        var response = fault?.Kind switch
        {
            FaultKind.ConnectionFailure or FaultKind.RequestCut => throw ConnectionError(request, "Connection refused", SocketError.ConnectionRefused),
            FaultKind.Status => StatusFault(fault),
            FaultKind.HtmlBadGateway => JsonResponses.Html(HttpStatusCode.BadGateway, BadGatewayHtml),
            FaultKind.Redirect => RedirectFault(request, fault),
            _ => Authorize(request) ?? Dispatch(route, allowed, request, body, fault),
        };

        if (fault?.Kind == FaultKind.ResetAfterProcessing || (fault?.Kind == FaultKind.Transport && channel is null))
        {
            response.Dispose();
            throw ConnectionError(request, "Connection reset by peer", SocketError.ConnectionReset);
        }

        if (fault?.Kind == FaultKind.Transport)
        {
            channel!.Fault = fault.Transport;
        }

        if (fault?.Kind == FaultKind.TruncatedBody)
        {
            response = await TruncateAsync(response, cancellationToken).ConfigureAwait(false);
        }

        if (echo?.Echo is var (from, into) && request.Headers.TryGetValues(from, out var echoed))
        {
            response.Headers.TryAddWithoutValidation(into, echoed);
        }

        response.RequestMessage = request;
        return response;
    }

    /// <summary>Logs a request a socket host cut off while its body arrived (never processed), with the part received.</summary>
    internal void RecordCutRequest(HttpRequestMessage request, byte[] partialBody)
    {
        lock (_logGate)
        {
            _requests.Add(RecordedRequest.From(request, partialBody));
        }
    }

    private HttpResponseMessage Dispatch(Route route, HttpMethod? allowed, HttpRequestMessage request, byte[] body, FaultRule? fault)
    {
        try
        {
            switch (route)
            {
                case Route.ListEvents:
                    var query = ServerQuery.FromQueryString(QueryString.Parse(request.RequestUri?.Query ?? string.Empty));
                    return JsonResponses.Json(HttpStatusCode.OK, _store.Read(events => ResultPage.Build(events, query, _order)));
                case Route.ExportEvents:
                    var export = ServerQuery.FromBody(ParseBody(body));
                    return JsonResponses.Json(HttpStatusCode.OK, _store.Read(events => ResultPage.Build(events, export, _order)));
                case Route.CreateBatch:
                    return BatchProcessor.Handle(
                        ParseBody(body),
                        _store,
                        _repeats,
                        NowMs(),
                        fault?.Kind == FaultKind.PartialBatch ? fault : null,
                        outcomeHidden: fault?.HidesOutcome == true);
                case Route.MethodNotAllowed:
                    var notAllowed = JsonResponses.Error(HttpStatusCode.MethodNotAllowed, $"Method {request.Method} is not allowed here");
                    notAllowed.Content.Headers.Allow.Add(allowed!.Method);
                    return notAllowed;
                default:
                    return JsonResponses.Error(HttpStatusCode.NotFound, $"No route for {request.Method} {request.RequestUri?.AbsolutePath}");
            }
        }
        catch (BadRequestException ex)
        {
            return JsonResponses.Error(HttpStatusCode.BadRequest, ex.Message);
        }
    }

    private HttpResponseMessage? Authorize(HttpRequestMessage request)
    {
        if (_apiKey is null)
        {
            return null;
        }

        var auth = request.Headers.Authorization;
        return auth is not null
            && string.Equals(auth.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            && string.Equals(auth.Parameter, _apiKey, StringComparison.Ordinal)
            ? null
            : JsonResponses.Error(HttpStatusCode.Unauthorized, "Invalid or missing API key");
    }

    private static JsonObject ParseBody(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject
                ?? throw new BadRequestException("The request body must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw new BadRequestException($"Malformed JSON body: {ex.Message}");
        }
    }

    private static HttpResponseMessage StatusFault(FaultRule fault)
    {
        var response = fault.Body is null
            ? JsonResponses.Error(fault.Status, ReasonPhrase(fault.Status))
            : JsonResponses.RawJson(fault.Status, fault.Body);
        if (fault.RetryAfter is { } retryAfter)
        {
            // Whole seconds, as servers send it (the delta-seconds form).
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(Math.Ceiling(retryAfter.TotalSeconds)));
        }

        return response;
    }

    // An absolute Location (the request's own URL by default): a relative "/events" reads as a file path on Unix.
    private static HttpResponseMessage RedirectFault(HttpRequestMessage request, FaultRule fault)
    {
        var response = new HttpResponseMessage(fault.Status) { Content = new ByteArrayContent([]) };
        var target = fault.Location is { } location
            ? new Uri(request.RequestUri!, location)
            : request.RequestUri!;
        response.Headers.Location = target;
        return response;
    }

    private static async Task<HttpResponseMessage> TruncateAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var full = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var cut = JsonResponses.Bytes(response.StatusCode, full[..(full.Length / 2)], "application/json");
        response.Dispose();
        return cut;
    }

    // What SocketsHttpHandler throws when the connection is refused or dropped.
    private static HttpRequestException ConnectionError(HttpRequestMessage request, string what, SocketError error) =>
        new(HttpRequestError.ConnectionError, $"{what} ({request.RequestUri?.Authority})", new SocketException((int)error));

    private static string ReasonPhrase(HttpStatusCode status) =>
        new HttpResponseMessage(status).ReasonPhrase ?? status.ToString();

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
