namespace HoneyHive.Kiota;

/// <summary>
/// Settings for <see cref="HoneyHiveClient"/>. The client reads them once, when it is built: changing an instance
/// afterwards does not change that client, so one instance can seed clients on many threads. Holds no secret: the
/// API key is passed to the client itself.
/// </summary>
public sealed class HoneyHiveClientOptions
{
    /// <summary>HoneyHive's public API.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.honeyhive.ai");

    /// <summary>
    /// The API root; override it for regional or self-hosted deployments. Must be https, except for
    /// loopback hosts (localhost, 127.0.0.1, [::1]) used in development and tests. A path prefix
    /// (https://host/api) is kept.
    /// </summary>
    public Uri BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>
    /// An <see cref="System.Net.Http.HttpClient"/> to send requests through, for example one from
    /// IHttpClientFactory. The client's own pipeline (retries, timeouts, error mapping) still runs in
    /// front of it; its Timeout also applies to each attempt and its BaseAddress is ignored. It is
    /// not disposed by <see cref="HoneyHiveClient"/>. Mutually exclusive with <see cref="Handler"/>.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>
    /// The innermost handler that does the network I/O (for example a configured SocketsHttpHandler,
    /// or a mock in tests). Not disposed by <see cref="HoneyHiveClient"/>. When neither this nor
    /// <see cref="HttpClient"/> is set, the client creates and owns a SocketsHttpHandler.
    /// </summary>
    public HttpMessageHandler? Handler { get; set; }

    /// <summary>
    /// The time one attempt of <c>GET /events</c> or <c>POST /events/batch</c> may take, body
    /// included. Default 30 s: HoneyHive's Python SDK uses 5 s, which a 7,500-event page can exceed.
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables it (the cancellation token still applies).
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The time one attempt of <c>POST /events/export</c> may take. Default 120 s: large exports are slow.</summary>
    public TimeSpan ExportTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Retry behaviour; see <see cref="RetryOptions"/>.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>
    /// Product tokens appended to the default User-Agent <c>HoneyHive.Kiota/&lt;version&gt;</c>, for
    /// example <c>my-cli/1.2</c>. Must be a valid User-Agent value.
    /// </summary>
    public string? UserAgent { get; set; }

    /// <summary>The clock behind retry waits, Retry-After dates and timeouts; replace it in tests. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(HoneyHiveClientOptions)} {{ {nameof(BaseUrl)} = {BaseUrl}, {nameof(RequestTimeout)} = {RequestTimeout}, {nameof(ExportTimeout)} = {ExportTimeout}, {nameof(Retry)} = {Retry}, {nameof(UserAgent)} = {UserAgent ?? "(default)"}, {nameof(HttpClient)} = {(HttpClient is null ? "(none)" : "(caller's)")}, {nameof(Handler)} = {(Handler is null ? "(none)" : Handler.GetType().Name)} }}";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    /// <remarks>Checked here, once, rather than in the setters as the other options classes do: several settings are
    /// only invalid together (<see cref="HttpClient"/> and <see cref="Handler"/>, <see cref="Retry"/>'s delays), and
    /// the DI package fills these from configuration, one property at a time.</remarks>
    internal void Validate()
    {
        const string prefix = nameof(HoneyHiveClientOptions) + ".";
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException($"{prefix}{nameof(BaseUrl)} must be an absolute URL such as {DefaultBaseUrl}.", nameof(BaseUrl));
        }

        var isHttps = BaseUrl.Scheme == Uri.UriSchemeHttps;
        var isLoopbackHttp = BaseUrl.Scheme == Uri.UriSchemeHttp && BaseUrl.IsLoopback;
        if (!isHttps && !isLoopbackHttp)
        {
            throw new ArgumentException(
                $"{prefix}{nameof(BaseUrl)} must use https (plain http is only allowed for localhost, 127.0.0.1 and [::1]) so the API key is never sent in clear text; was {BaseUrl.Scheme}://{BaseUrl.Host}.",
                nameof(BaseUrl));
        }

        if (!string.IsNullOrEmpty(BaseUrl.UserInfo) || !string.IsNullOrEmpty(BaseUrl.Query) || !string.IsNullOrEmpty(BaseUrl.Fragment))
        {
            throw new ArgumentException($"{prefix}{nameof(BaseUrl)} must not contain user info, a query string or a fragment.", nameof(BaseUrl));
        }

        if (HttpClient is not null && Handler is not null)
        {
            throw new ArgumentException($"Set {prefix}{nameof(HttpClient)} or {prefix}{nameof(Handler)}, not both.", nameof(Handler));
        }

        ValidateTimeout(RequestTimeout, nameof(RequestTimeout));
        ValidateTimeout(ExportTimeout, nameof(ExportTimeout));
        if (Retry is null)
        {
            throw new ArgumentException($"{prefix}{nameof(Retry)} must not be null; use new RetryOptions {{ MaxRetries = 0 }} to disable retries.", nameof(Retry));
        }

        Retry.Validate();
        if (UserAgent is not null && !IsValidUserAgent(UserAgent))
        {
            throw new ArgumentException($"{prefix}{nameof(UserAgent)} is not a valid User-Agent value (expected product tokens such as \"my-cli/1.2\").", nameof(UserAgent));
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException($"{prefix}{nameof(TimeProvider)} must not be null.", nameof(TimeProvider));
        }
    }

    private static void ValidateTimeout(TimeSpan value, string name)
    {
        if (value != Timeout.InfiniteTimeSpan && (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1)))
        {
            throw new ArgumentException(
                $"{nameof(HoneyHiveClientOptions)}.{name} must be positive and at most one day, or Timeout.InfiniteTimeSpan (was {value}).",
                name);
        }
    }

    private static bool IsValidUserAgent(string value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsControl))
        {
            return false;
        }

        using var probe = new HttpRequestMessage();
        return probe.Headers.UserAgent.TryParseAdd(value);
    }
}
