using System.Net;
using System.Text.Json;

namespace HoneyHive.Kiota.Streaming;

/// <summary>
/// A purpose-built <c>POST /events/export</c> that serves an export of <c>totalEvents</c> events
/// page by page, each page synthesised on demand from one <see cref="PageTemplate"/>.
/// </summary>
/// <remarks>
/// Not <c>InMemoryHoneyHive</c>: that fake stores every event as a <c>JsonObject</c> tree and
/// filters and deep-clones them on every request, so a million events would cost it gigabytes and
/// a full scan per page, and the measurement would be of the fake rather than the client. This
/// server holds one page's template (about 17 MiB at 7,500 events) whatever the export's size.
/// It answers only what the pager sends: project, filters, limit and page; no filtering.
/// <c>onPage</c> is called with each page number before the page is served (for <c>--trace</c>).
/// </remarks>
internal sealed class SyntheticExportServer(PageTemplate template, long totalEvents, Action<int>? onPage = null) : HttpMessageHandler
{
    private int _requests;

    /// <summary>Export requests answered so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post || request.RequestUri?.AbsolutePath.EndsWith("/events/export", StringComparison.Ordinal) != true || request.Content is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
        }

        var body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var (page, limit) = ReadPaging(body);
        if (limit > template.EventCount)
        {
            throw new InvalidOperationException($"limit {limit} is larger than the template's {template.EventCount} events; start with a larger --page-size.");
        }

        Interlocked.Increment(ref _requests);
        onPage?.Invoke(page);
        var skip = (long)(page - 1) * limit;
        var count = (int)Math.Clamp(totalEvents - skip, 0, limit);
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new SynthesizedPageContent(template, page, count, totalEvents),
        };
    }

    private static (int Page, int Limit) ReadPaging(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var page = root.TryGetProperty("page", out var p) ? p.GetInt32() : 1;
        var limit = root.TryGetProperty("limit", out var l) ? l.GetInt32() : 1000;
        return page >= 1 && limit >= 1
            ? (page, limit)
            : throw new InvalidOperationException($"page {page} and limit {limit} must be at least 1.");
    }
}
