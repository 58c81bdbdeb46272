using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Http;
using HoneyHive.Kiota.Serialization;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota;

/// <summary>
/// The entry point: a HoneyHive events API client with bearer auth, retries, per-attempt timeouts and
/// typed errors. Create one per API key and reuse it; it is safe to use from many threads.
/// </summary>
/// <remarks>
/// <para><see cref="Api"/> exposes the generated Kiota request builders
/// (<c>client.Api.Events.GetAsync(...)</c>); every request they make goes through this client's
/// pipeline, so failures surface as <see cref="HoneyHiveApiException"/> subclasses,
/// <see cref="HoneyHiveTimeoutException"/>, or the generated <c>BatchPartialFailure</c>.</para>
/// <para>The class is partial so that helpers (filters, pagination, batching) can extend it.</para>
/// <para>Disposing releases the HttpClient and handlers the client created; an HttpClient or handler
/// passed in <see cref="HoneyHiveClientOptions"/> stays the caller's.</para>
/// </remarks>
public sealed partial class HoneyHiveClient : IDisposable
{
    /// <summary>The environment variable <see cref="FromEnvironment"/> reads the API key from.</summary>
    public const string ApiKeyEnvironmentVariable = "HH_API_KEY";

    // The base URL FromEnvironment reads when no options are passed; hh reads the same variable.
    private const string BaseUrlEnvironmentVariable = "HH_API_URL";

    private readonly HttpClient _httpClient;
    private readonly Pagination.PagerSettings _pagerSettings;

    /// <summary>Creates a client for <paramref name="apiKey"/>.</summary>
    /// <param name="apiKey">The HoneyHive API key, sent as <c>Authorization: Bearer</c> to <see cref="HoneyHiveClientOptions.BaseUrl"/>'s origin only.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="ArgumentException">The key is empty or malformed, or an option is invalid (the message names it; it never contains the key).</exception>
    public HoneyHiveClient(string apiKey, HoneyHiveClientOptions? options = null)
    {
        ValidateApiKey(apiKey);
        options ??= new HoneyHiveClientOptions();
        options.Validate();
        BaseUrl = options.BaseUrl;
        _pagerSettings = Pagination.PagerSettings.From(options);

        // Everything the options say is read here, once: changing them afterwards changes nothing.
        var redactor = new SecretRedactor(apiKey);
        _httpClient = HoneyHivePipeline.CreateHttpClient(options, redactor);

        // The JSON factories are handed to the adapter directly rather than registered in Kiota's
        // process-wide registries: another Kiota client in the same process cannot change how we parse.
        var auth = new BaseBearerTokenAuthenticationProvider(new ApiKeyAccessTokenProvider(apiKey, BaseUrl));
        var adapter = new HoneyHiveRequestAdapter(auth, new HoneyHiveJsonParseNodeFactory(), new HoneyHiveJsonSerializationWriterFactory(), _httpClient, redactor)
        {
            BaseUrl = BaseUrl.AbsoluteUri,
        };
        Api = new HoneyHiveApiClient(adapter);
    }

    /// <summary>
    /// Creates a client with the key from the <c>HH_API_KEY</c> environment variable and, when no
    /// <paramref name="options"/> are passed, the base URL from <c>HH_API_URL</c> if it is set (a local
    /// HoneyHive, say: <c>samples/HoneyHive.LocalServer</c>).
    /// </summary>
    /// <param name="options">Settings; null for the defaults (and <c>HH_API_URL</c>).</param>
    /// <returns>The client.</returns>
    /// <exception cref="InvalidOperationException">The key variable is not set, or <c>HH_API_URL</c> is not an absolute URL.</exception>
    public static HoneyHiveClient FromEnvironment(HoneyHiveClientOptions? options = null)
    {
        var key = Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException($"The {ApiKeyEnvironmentVariable} environment variable is not set; set it to your HoneyHive API key.");
        }

        if (options is null && Environment.GetEnvironmentVariable(BaseUrlEnvironmentVariable) is { Length: > 0 } url)
        {
            options = Uri.TryCreate(url, UriKind.Absolute, out var baseUrl)
                ? new HoneyHiveClientOptions { BaseUrl = baseUrl }
                : throw new InvalidOperationException($"The {BaseUrlEnvironmentVariable} environment variable must be an absolute URL such as {HoneyHiveClientOptions.DefaultBaseUrl}, not '{url}'.");
        }

        return new HoneyHiveClient(key, options);
    }

    /// <summary>The generated request builders: <c>Api.Events</c>, <c>Api.Events.Export</c>, <c>Api.Events.Batch</c>.</summary>
    public HoneyHiveApiClient Api { get; }

    /// <summary>The HoneyHive endpoint this client talks to.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Describes the client without its API key.</summary>
    /// <returns>A description naming the base URL.</returns>
    public override string ToString() => $"{nameof(HoneyHiveClient)} {{ BaseUrl = {BaseUrl}, ApiKey = *** }}";

    /// <summary>Releases the HttpClient and handlers this client created (not the caller's).</summary>
    public void Dispose()
    {
        _httpClient.Dispose();
    }

    private static void ValidateApiKey(string apiKey)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ArgumentException($"The API key must not be empty; pass your HoneyHive API key or set {ApiKeyEnvironmentVariable} and use {nameof(FromEnvironment)}.", nameof(apiKey));
        }

        // A key with whitespace or control characters would corrupt the Authorization header.
        if (apiKey.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new ArgumentException("The API key contains whitespace or control characters; check how it was copied.", nameof(apiKey));
        }
    }
}
