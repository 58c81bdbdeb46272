using HoneyHive.Kiota.Errors;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace HoneyHive.Kiota.Http;

/// <summary>Builds the HttpClient behind <see cref="HoneyHiveClient"/>: a Kiota middleware pipeline of our handlers and Kiota's redirect handler.</summary>
internal static class HoneyHivePipeline
{
    // Long-lived clients (servers) must notice DNS changes; short-lived ones (CLIs) never reach this.
    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Order, outermost first: telemetry, error translation, retry (ours: Kiota's retries only 429/503/504),
    /// the per-attempt timeout, Kiota's redirect handler between the two halves of our redirect guard (which
    /// types its failures), and finally the network handler.
    /// </summary>
    public static HttpClient CreateHttpClient(HoneyHiveClientOptions options, SecretRedactor redactor)
    {
        var time = options.TimeProvider;
        // Only the Kiota middleware this API needs, named one by one: KiotaClientFactory's default set
        // would root every handler (and its options) in a NativeAOT binary. Kiota's redirect handler
        // follows redirects and drops the Authorization header when the origin changes.
        DelegatingHandler[] handlers =
        [
            new CallTelemetryHandler(),
            new ErrorTranslationHandler(redactor, time),
            new TransientRetryHandler(options.Retry, time),
            new AttemptTimeoutHandler(options.RequestTimeout, options.ExportTimeout, time),
            new RedirectGuardHandler(redactor),
            new RedirectHandler(),
            new RedirectWitnessHandler(),
        ];
        var first = KiotaClientFactory.ChainHandlersCollectionAndGetFirstLink(CreateFinalHandler(options), handlers)
            ?? throw new InvalidOperationException("The handler pipeline is empty.");

        // Per-attempt timeouts are ours; HttpClient's own 100 s default would cut long exports short.
        var client = new HttpClient(first, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd($"{ClientVersion.ProductName}/{ClientVersion.Version}");
        if (options.UserAgent is { } extra)
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd(extra);
        }

        return client;
    }

    private static HttpMessageHandler CreateFinalHandler(HoneyHiveClientOptions options)
    {
        if (options.HttpClient is { } callerClient)
        {
            return new InvokerHandler(callerClient, disposeInvoker: false, copyRequests: true);
        }

        if (options.Handler is { } callerHandler)
        {
            return new InvokerHandler(new HttpMessageInvoker(callerHandler, disposeHandler: false), disposeInvoker: true, copyRequests: false);
        }

        return new SocketsHttpHandler
        {
            // Kiota's redirect handler follows redirects and strips the key on a change of origin.
            AllowAutoRedirect = false,

            // AutomaticDecompression is left unset on purpose, as in HttpClient's own default: merely
            // assigning it links the Brotli and zlib native code (about 0.9 MB) into NativeAOT apps.
            // Apps that want compressed pages pass Options.Handler = new SocketsHttpHandler { AutomaticDecompression = … }.
            PooledConnectionLifetime = PooledConnectionLifetime,
            EnableMultipleHttp2Connections = true,
        };
    }
}
