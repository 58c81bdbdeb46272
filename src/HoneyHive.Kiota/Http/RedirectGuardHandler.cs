using HoneyHive.Kiota.Errors;
using Microsoft.Kiota.Http.HttpClientLibrary.Extensions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace HoneyHive.Kiota.Http;

/// <summary>
/// Just above Kiota's redirect handler: when it gives up on a redirect (too many in a row, no <c>Location</c>, a
/// change of scheme) it throws <see cref="InvalidOperationException"/>; this turns that into a
/// <see cref="HoneyHiveApiException"/> naming the redirect status, the request and where it was sent, so a redirect
/// loop is a failure of the call like any other. Only when the last answer really was a redirect: an
/// <see cref="InvalidOperationException"/> from below (a misconfigured caller's handler) passes unchanged.
/// </summary>
internal sealed class RedirectGuardHandler(SecretRedactor redactor) : DelegatingHandler
{
    private static readonly int DefaultMaxRedirects = new RedirectHandlerOption().MaxRedirect;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A fresh trail per attempt: the retry handler's copies carry the previous attempt's.
        var trail = new RedirectTrail();
        request.Options.Set(RedirectTrail.Key, trail);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex) when (trail.LastRedirect is { } last)
        {
            var maxRedirects = request.GetRequestOption<RedirectHandlerOption>()?.MaxRedirect ?? DefaultMaxRedirects;
            var details = ResponseDetailsReader.Describe(last, redactor, request);
            var location = last.Headers.Location is { } target
                ? redactor.Redact(target.IsAbsoluteUri ? target.GetLeftPart(UriPartial.Path) : target.OriginalString.Split('?', 2)[0])
                : null;
            throw trail.Redirects > maxRedirects
                ? ErrorFactory.CreateRedirectLoop(details, trail.Redirects, maxRedirects, location, ex)
                : ErrorFactory.CreateRedirectFailure(details, location, ex);
        }
    }
}
