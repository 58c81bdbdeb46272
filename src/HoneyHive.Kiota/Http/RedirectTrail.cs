namespace HoneyHive.Kiota.Http;

/// <summary>
/// What the network answered to each request of one attempt, as Kiota's redirect handler followed redirects:
/// recorded below it (<see cref="RedirectWitnessHandler"/>), read above it (<see cref="RedirectGuardHandler"/>). Kiota
/// copies a request's options to each redirect it sends, so every hop finds the same trail.
/// </summary>
internal sealed class RedirectTrail
{
    public static readonly HttpRequestOptionsKey<RedirectTrail> Key = new("HoneyHive.Kiota.RedirectTrail");

    /// <summary>Answers with a redirect status received so far.</summary>
    public int Redirects { get; private set; }

    /// <summary>The last answer, when it was a redirect and nothing has been sent since; else null.</summary>
    public HttpResponseMessage? LastRedirect { get; private set; }

    /// <summary>A request went out: until its answer comes, the last one is not what an error is about.</summary>
    public void Sending() => LastRedirect = null;

    public void Received(HttpResponseMessage response)
    {
        if ((int)response.StatusCode is 301 or 302 or 303 or 307 or 308)
        {
            Redirects++;
            LastRedirect = response;
        }
    }
}
