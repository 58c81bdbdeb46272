using HoneyHive.Kiota;

namespace HoneyHive.Cli.Cli;

/// <summary>The API key and base URL from flags or the environment (HH_API_KEY, HH_API_URL).
/// The key is never echoed: it is not part of any message or of ToString().</summary>
internal sealed class Connection
{
    private Connection(string apiKey, Uri baseUrl, string baseUrlSource)
    {
        ApiKey = apiKey;
        BaseUrl = baseUrl;
        _baseUrlSource = baseUrlSource;
    }

    // Where the URL came from, to name it in messages: "--base-url" or "HH_API_URL".
    private readonly string _baseUrlSource;

    public string ApiKey { get; }

    public Uri BaseUrl { get; }

    public static Connection From(ParsedArguments args, CliEnvironment environment)
    {
        var keyOption = args.Single("--api-key");
        var key = keyOption ?? environment.Variable("HH_API_KEY");
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new UsageException("no API key: set HH_API_KEY or pass --api-key");
        }

        environment.KeySource = keyOption is not null ? "--api-key" : "HH_API_KEY";

        var option = args.Single("--base-url");
        var source = option is not null ? "--base-url" : "HH_API_URL";
        var url = option ?? environment.Variable("HH_API_URL") ?? "https://api.honeyhive.ai";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new UsageException($"{source} must be an absolute https URL, not '{url}'");
        }

        return new Connection(key.Trim(), baseUrl, source);
    }

    public HoneyHiveClient CreateClient(HttpMessageHandler? handler = null)
    {
        try
        {
            return new HoneyHiveClient(ApiKey, new HoneyHiveClientOptions { BaseUrl = BaseUrl, Handler = handler });
        }
        catch (ArgumentException e) when (e.ParamName == nameof(HoneyHiveClientOptions.BaseUrl))
        {
            // The library's rule, in the CLI's words: the option the user typed, not the library's setting.
            var rule = ErrorReport.WithoutParameterName(e);
            throw new UsageException(rule.Replace($"{nameof(HoneyHiveClientOptions)}.{nameof(HoneyHiveClientOptions.BaseUrl)}", _baseUrlSource, StringComparison.Ordinal));
        }
        catch (ArgumentException e) when (e.ParamName == "apiKey")
        {
            throw new UsageException("the API key contains spaces or control characters; check how it was copied");
        }
    }

    public override string ToString() => $"HoneyHive at {BaseUrl}";
}
