namespace HoneyHive.Kiota.EndToEnd.Tests.Support;

/// <summary>Builds the HoneyHiveClients the end-to-end tests use.</summary>
internal static class Clients
{
    public const string ApiKey = "hh_e2e_key_0123456789abcdef";
    public const string Project = "e2e-project";

    /// <summary>
    /// A client for a loopback host. Retries are on (the fault matrix counts them) with a tiny backoff
    /// so the suite stays fast; timeouts are long unless a test is about them. <paramref name="handler"/>, when
    /// given, is the innermost handler (for example a <see cref="PageGate"/> over a SocketsHttpHandler).
    /// </summary>
    public static HoneyHiveClient ForHost(
        Uri baseAddress,
        RetryOptions? retry = null,
        TimeSpan? requestTimeout = null,
        TimeSpan? exportTimeout = null,
        TimeProvider? time = null,
        string apiKey = ApiKey,
        HttpMessageHandler? handler = null) =>
        new(apiKey, new HoneyHiveClientOptions
        {
            BaseUrl = baseAddress,
            Handler = handler,
            Retry = retry ?? FastRetry(3),
            RequestTimeout = requestTimeout ?? TimeSpan.FromMinutes(2),
            ExportTimeout = exportTimeout ?? TimeSpan.FromMinutes(2),
            TimeProvider = time ?? TimeProvider.System,
        });

    /// <summary>A client over a handler (no sockets): used by the corpus and the fuzzer, which only care about parsing.</summary>
    public static HoneyHiveClient ForHandler(HttpMessageHandler handler, RetryOptions? retry = null) =>
        new(ApiKey, new HoneyHiveClientOptions
        {
            BaseUrl = new Uri("https://api.honeyhive.ai"),
            Handler = handler,
            // By default one response, one outcome: a retried 5xx would only repeat the same body.
            Retry = retry ?? new RetryOptions { MaxRetries = 0 },
        });

    public static RetryOptions FastRetry(int maxRetries) => new()
    {
        MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(5),
    };
}
