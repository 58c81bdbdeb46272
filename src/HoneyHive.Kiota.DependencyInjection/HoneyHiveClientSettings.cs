namespace HoneyHive.Kiota.DependencyInjection;

/// <summary>
/// What <c>AddHoneyHiveClient</c> reads from configuration (a section such as <c>"HoneyHive"</c>) or from
/// code: the API key and the client's settings that can be written in a configuration file.
/// </summary>
/// <remarks>
/// <code>
/// "HoneyHive": {
///   "ApiKey": "…",                      // or the HH_API_KEY environment variable; keep it in a secret store
///   "BaseUrl": "https://api.honeyhive.ai",
///   "RequestTimeout": "00:00:30",
///   "ExportTimeout": "00:02:00",
///   "UserAgent": "my-service/1.2",
///   "Retry": { "MaxRetries": 3, "BaseDelay": "00:00:00.5" }
/// }
/// </code>
/// Unset values keep <see cref="HoneyHiveClientOptions"/>'s defaults. The HTTP side (handlers, proxies,
/// certificates) is configured on the <c>IHttpClientBuilder</c> that <c>AddHoneyHiveClient</c> returns.
/// </remarks>
public sealed class HoneyHiveClientSettings
{
    /// <summary>The HoneyHive API key; when null, the <c>HH_API_KEY</c> environment variable. Never shown by <see cref="ToString"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>See <see cref="HoneyHiveClientOptions.BaseUrl"/>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>See <see cref="HoneyHiveClientOptions.RequestTimeout"/>.</summary>
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary>See <see cref="HoneyHiveClientOptions.ExportTimeout"/>.</summary>
    public TimeSpan? ExportTimeout { get; set; }

    /// <summary>See <see cref="HoneyHiveClientOptions.UserAgent"/>.</summary>
    public string? UserAgent { get; set; }

    /// <summary>See <see cref="HoneyHiveClientOptions.Retry"/>. With a retrying resilience handler on the
    /// client's <c>HttpClient</c>, set <see cref="RetryOptions.MaxRetries"/> to 0 (see <c>AddHoneyHiveClient</c>).</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>The settings, the key masked.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{nameof(HoneyHiveClientSettings)} {{ ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(HH_API_KEY)" : "***")}, {nameof(BaseUrl)} = {BaseUrl?.ToString() ?? "(default)"}, {nameof(RequestTimeout)} = {RequestTimeout?.ToString() ?? "(default)"}, {nameof(ExportTimeout)} = {ExportTimeout?.ToString() ?? "(default)"}, {nameof(UserAgent)} = {UserAgent ?? "(default)"}, {nameof(Retry)} = {Retry} }}";

    /// <summary>The client options these settings describe, over the given handler.</summary>
    internal HoneyHiveClientOptions ToClientOptions(HttpMessageHandler handler)
    {
        var defaults = new HoneyHiveClientOptions();
        return new HoneyHiveClientOptions
        {
            BaseUrl = BaseUrl ?? defaults.BaseUrl,
            RequestTimeout = RequestTimeout ?? defaults.RequestTimeout,
            ExportTimeout = ExportTimeout ?? defaults.ExportTimeout,
            UserAgent = UserAgent,
            Retry = Retry,
            Handler = handler,
        };
    }
}
