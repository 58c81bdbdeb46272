using HoneyHive.Kiota.Errors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace HoneyHive.Kiota.Http;

/// <summary>Builds the HttpClient behind <see cref="HoneyHiveClient"/>: Kiota's default middleware with our own handlers.</summary>
internal static class HoneyHivePipeline
{
    // Long-lived clients (servers) must notice DNS changes; short-lived ones (CLIs) never reach this.
    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Order, outermost first: error translation, Kiota's URI replacement, our retry (in place of
    /// Kiota's), the per-attempt timeout, then Kiota's redirect, parameter-name decoding, user agent,
    /// header and body inspection, and finally the network handler.
    /// </summary>
    public static HttpClient CreateHttpClient(HoneyHiveClientOptions options, SecretRedactor redactor)
    {
        var time = options.TimeProvider;
        var handlers = new List<DelegatingHandler> { new ErrorTranslationHandler(redactor, time) };
        IRequestOption[] kiotaOptions = [new UserAgentHandlerOption { ProductName = ClientVersion.ProductName, ProductVersion = ClientVersion.Version }];
        foreach (var handler in KiotaClientFactory.CreateDefaultHandlers(kiotaOptions))
        {
            if (handler is RetryHandler)
            {
                handler.Dispose();
                handlers.Add(new TransientRetryHandler(options.Retry, time));
                handlers.Add(new AttemptTimeoutHandler(options.RequestTimeout, options.ExportTimeout, time));
            }
            else
            {
                handlers.Add(handler);
            }
        }

        var first = KiotaClientFactory.ChainHandlersCollectionAndGetFirstLink(CreateFinalHandler(options), [.. handlers])
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
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            PooledConnectionLifetime = PooledConnectionLifetime,
            EnableMultipleHttp2Connections = true,
        };
    }
}
