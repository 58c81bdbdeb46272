using HoneyHive.Kiota;

namespace HoneyHive.Cli.Cli;

/// <summary>The API key and base URL from flags or the environment (HH_API_KEY, HH_API_URL).
/// The key is never echoed: it is not part of any message or of ToString().</summary>
internal sealed class Connection
{
    private Connection(string apiKey, Uri baseUrl)
    {
        ApiKey = apiKey;
        BaseUrl = baseUrl;
    }

    public string ApiKey { get; }

    public Uri BaseUrl { get; }

    public static Connection From(ParsedArguments args, CliEnvironment environment)
    {
        var key = args.Single("--api-key") ?? environment.Variable("HH_API_KEY");
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new UsageException("no API key: set HH_API_KEY or pass --api-key");
        }

        var url = args.Single("--base-url") ?? environment.Variable("HH_API_URL") ?? "https://api.honeyhive.ai";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new UsageException($"the base URL must be an absolute http(s) URL, not '{url}'");
        }

        return new Connection(key.Trim(), baseUrl);
    }

    public HoneyHiveClient CreateClient(HttpMessageHandler? handler = null) =>
        new(ApiKey, new HoneyHiveClientOptions { BaseUrl = BaseUrl, Handler = handler });

    public override string ToString() => $"HoneyHive at {BaseUrl}";
}
