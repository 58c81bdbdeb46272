namespace HoneyHive.Kiota.DependencyInjection;

/// <summary>
/// The bottom of the client's pipeline: every request goes through the handler <see cref="IHttpMessageHandlerFactory"/>
/// gives for the client's name at that moment, so the factory's handler rotation really happens even for
/// a client held as a singleton for the life of the app.
/// </summary>
internal sealed class FactoryHandler(IHttpMessageHandlerFactory factory, string name, bool clientRetries) : HttpMessageHandler
{
    // The namespaces of handlers that retry on their own: Microsoft.Extensions.Http.Resilience and Polly.
    private static readonly string[] RetryingNamespaces = ["Microsoft.Extensions.Http.Resilience", "Polly", "Microsoft.Extensions.Http.Polly"];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var handler = factory.CreateHandler(name);
        if (clientRetries)
        {
            RejectSecondRetryLayer(handler);
        }

        // The factory owns and rotates the handler; the invoker must not dispose it.
        return new HttpMessageInvoker(handler, disposeHandler: false).SendAsync(request, cancellationToken);
    }

    // Two retry layers multiply (4 attempts x 4 attempts), and a generic one would repeat what must not be
    // repeated (a batch without event ids, the batch's partial success): one layer, chosen on purpose.
    private void RejectSecondRetryLayer(HttpMessageHandler handler)
    {
        for (var current = handler; current is DelegatingHandler delegating; current = delegating.InnerHandler)
        {
            var ns = current.GetType().Namespace ?? string.Empty;
            if (RetryingNamespaces.Any(prefix => ns.StartsWith(prefix, StringComparison.Ordinal)))
            {
                throw new InvalidOperationException(
                    $"The HttpClient '{name}' has a resilience handler ({current.GetType().Name}) and the HoneyHive client retries too: "
                    + "requests would be retried by both. Keep the client's retries (they never repeat a batch that could create events twice) "
                    + "and remove the resilience handler's retry strategy, or set Retry.MaxRetries = 0 in the HoneyHive settings to leave retries to it.");
            }
        }
    }
}
