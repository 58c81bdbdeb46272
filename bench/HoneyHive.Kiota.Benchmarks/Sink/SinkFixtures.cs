using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using HoneyHive.Bench.Shared;
using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Benchmarks.Sink;

/// <summary>The events and clients the sink and export suites share.</summary>
internal static class SinkFixtures
{
    /// <summary>The project the export suite's fake stores its events under.</summary>
    public const string ExportProject = "bench-export";

    /// <summary>
    /// <paramref name="count"/> realistic events (inputs, outputs, config, metrics, Unix-ms times in 2024) with
    /// distinct <c>event_id</c>s, read from the seeded factory's batch JSON through the library's parse node.
    /// </summary>
    public static CreateEventRequest[] Events(int count, int seed = 20240401)
    {
        var request = Serializers.KiotaRequest(new EventPageFactory(seed).CreateBatchRequestJson(count));
        var events = request.Events ?? throw new InvalidOperationException("the batch JSON has no events");
        if (events.Count != count || events.Select(e => e.EventId).Distinct(StringComparer.Ordinal).Count() != count)
        {
            throw new InvalidOperationException($"expected {count} events with distinct ids");
        }

        return [.. events];
    }

    /// <summary>The factory's batch events as JSON objects, every one in <see cref="ExportProject"/>, for seeding a fake.</summary>
    public static List<JsonObject> ExportEvents(int count)
    {
        var root = JsonNode.Parse(new EventPageFactory().CreateBatchRequestJson(count))!.AsObject();
        var events = root["events"]!.AsArray();
        var list = new List<JsonObject>(count);
        foreach (var node in events)
        {
            var evt = node!.AsObject();
            evt["project"] = ExportProject;
            list.Add(evt);
        }

        return list;
    }

    /// <summary>A client for <paramref name="baseUrl"/>; <paramref name="handler"/> (not disposed by the client) does the I/O when given.</summary>
    public static HoneyHiveClient Client(Uri baseUrl, HttpMessageHandler? handler = null) =>
        new("bench-key", new HoneyHiveClientOptions { BaseUrl = baseUrl, Handler = handler });
}

/// <summary>
/// Answers every request at once with HTTP 200 <c>{"event_ids":[],"success":true}</c> (the client reads a 200
/// as "every event of the request created"), without reading the request body: the cheapest server there is,
/// so the sink's worker keeps up with anything but the client's own serialization.
/// </summary>
internal sealed class InstantBatchHandler : HttpMessageHandler
{
    private static readonly byte[] Answer = """{"event_ids":[],"success":true}"""u8.ToArray();
    private long _requests;

    /// <summary>Requests answered so far.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var content = new ByteArrayContent(Answer);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}

/// <summary>
/// Counts, for one paged read at a time, the pages the server has answered against the pages the consumer has
/// finished with, and keeps the largest difference: an upper bound on the page bodies alive at once.
/// </summary>
/// <remarks>
/// A page is <em>answered</em> when its response headers reach the client's innermost handler (so its body is on
/// the way or already read: counted early, which can only overstate). A page is <em>finished</em> once the
/// consumer has received the first event of the next page: the event stream disposes a page's body before it
/// takes the next page, so by then that body is gone (counted late, which can only overstate too).
/// </remarks>
internal sealed class PageLedger
{
    private readonly int _pageSize;
    private long _answered;
    private long _finished;
    private long _maxAlive;
    private long _consumed;
    private long _largestPage;

    public PageLedger(int pageSize) => _pageSize = pageSize;

    /// <summary>The largest answered − finished seen since <see cref="Reset"/>.</summary>
    public long MaxAlive => Interlocked.Read(ref _maxAlive);

    /// <summary>The largest Content-Length of a page seen (never reset).</summary>
    public long LargestPage => Interlocked.Read(ref _largestPage);

    /// <summary>Responses counted since <see cref="Reset"/>.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    public void Reset()
    {
        Interlocked.Exchange(ref _answered, 0);
        Interlocked.Exchange(ref _finished, 0);
        Interlocked.Exchange(ref _maxAlive, 0);
        _consumed = 0;
    }

    /// <summary>A page's response arrived.</summary>
    public void PageAnswered(long? contentLength)
    {
        if (contentLength is { } length && length > Interlocked.Read(ref _largestPage))
        {
            Interlocked.Exchange(ref _largestPage, length);
        }

        var alive = Interlocked.Increment(ref _answered) - Interlocked.Read(ref _finished);
        for (var max = Interlocked.Read(ref _maxAlive); alive > max; max = Interlocked.Read(ref _maxAlive))
        {
            if (Interlocked.CompareExchange(ref _maxAlive, alive, max) == max)
            {
                break;
            }
        }
    }

    /// <summary>The consumer received its next event (called from the consumer only).</summary>
    public void EventConsumed()
    {
        var consumed = ++_consumed;
        if (consumed % _pageSize == 1 && consumed > 1)
        {
            Interlocked.Exchange(ref _finished, (consumed - 1) / _pageSize);
        }
    }
}

/// <summary>
/// The client's innermost handler for the export suite: <paramref name="inner"/> (the socket handler, or the fake
/// itself in the self-check), with each export answer counted in a <see cref="PageLedger"/>.
/// </summary>
internal sealed class PageCountingHandler(PageLedger ledger, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.RequestUri?.AbsolutePath.EndsWith("/events/export", StringComparison.Ordinal) == true)
        {
            ledger.PageAnswered(response.Content.Headers.ContentLength);
        }

        return response;
    }
}
