namespace HoneyHive.Kiota.EndToEnd.Tests.Support;

/// <summary>
/// The client's innermost handler over a real SocketsHttpHandler, counting the requests the client sent. The
/// server's own count can miss an attempt the client abandoned (a timeout) before the loopback host handed it
/// to the fake, which a loaded machine makes likely; the client's count cannot.
/// </summary>
internal sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private int _sent;

    public int Sent => Volatile.Read(ref _sent);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sent);
        return base.SendAsync(request, cancellationToken);
    }
}
