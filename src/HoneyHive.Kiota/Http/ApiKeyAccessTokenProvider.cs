using Microsoft.Kiota.Abstractions.Authentication;

namespace HoneyHive.Kiota.Http;

/// <summary>
/// Hands Kiota's bearer provider the API key, but only for URLs with the configured scheme, host and
/// port: a request built for any other origin goes out without the key.
/// </summary>
internal sealed class ApiKeyAccessTokenProvider(string apiKey, Uri baseUrl) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([baseUrl.Host]);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var sameOrigin = AllowedHostsValidator.IsUrlHostValid(uri)
            && uri.Scheme.Equals(baseUrl.Scheme, StringComparison.OrdinalIgnoreCase)
            && uri.Port == baseUrl.Port;
        return Task.FromResult(sameOrigin ? apiKey : string.Empty);
    }

    /// <summary>Never shows the key (debuggers and loggers call ToString).</summary>
    public override string ToString() => $"{nameof(ApiKeyAccessTokenProvider)} {{ Host = {baseUrl.Host}, ApiKey = *** }}";
}
