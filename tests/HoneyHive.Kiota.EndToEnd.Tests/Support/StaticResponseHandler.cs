using System.Net;
using System.Net.Http.Headers;

namespace HoneyHive.Kiota.EndToEnd.Tests.Support;

/// <summary>
/// Answers every request with the same bytes, status and content type. Bytes rather than a string, so
/// invalid UTF-8 and byte-order marks reach the client exactly as they are in the corpus files.
/// </summary>
internal sealed class StaticResponseHandler(HttpStatusCode status, byte[] body, string? contentType) : HttpMessageHandler
{
    private int _requests;

    /// <summary>How many requests reached this handler (retries included).</summary>
    public int Requests => Volatile.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var content = new ByteArrayContent(body);
        // A null content type means "send none at all", which ByteArrayContent already does.
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return Task.FromResult(new HttpResponseMessage(status) { Content = content, RequestMessage = request });
    }
}
