namespace HoneyHive.Kiota.Http;

/// <summary>Just below Kiota's redirect handler: records each answer on the request's <see cref="RedirectTrail"/>.</summary>
internal sealed class RedirectWitnessHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(RedirectTrail.Key, out var trail);
        trail?.Sending();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        trail?.Received(response);
        return response;
    }
}
