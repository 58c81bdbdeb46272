namespace HoneyHive.Kiota.Http;

/// <summary>
/// The last link of the pipeline: hands each request to the caller's own <see cref="HttpClient"/> or
/// <see cref="HttpMessageHandler"/> without taking ownership of it.
/// </summary>
/// <remarks>
/// Chaining a caller's handler directly as an InnerHandler would dispose it with our client; going
/// through an <see cref="HttpMessageInvoker"/> keeps the caller's object theirs. A caller's
/// <see cref="HttpClient"/> refuses messages that were already sent through our own HttpClient, so
/// those are copied first.
/// </remarks>
internal sealed class InvokerHandler(HttpMessageInvoker invoker, bool disposeInvoker, bool copyRequests) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var outgoing = copyRequests ? RequestCloner.Clone(request, request.Content) : request;
        var response = await invoker.SendAsync(outgoing, cancellationToken).ConfigureAwait(false);
        // Kiota's redirect handler and our error mapping read the request back from the response.
        response.RequestMessage ??= request;
        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && disposeInvoker)
        {
            invoker.Dispose();
        }

        base.Dispose(disposing);
    }
}
