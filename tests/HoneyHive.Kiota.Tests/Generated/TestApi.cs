using HoneyHive.Kiota.Serialization;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;

namespace HoneyHive.Kiota.Tests.Generated;

/// <summary>The generated client on a plain request adapter, as a user of the raw Kiota surface would build it.</summary>
internal static class TestApi
{
    public const string Key = "hh-test-key-0123456789";

    public static HoneyHiveApiClient Create(HttpMessageHandler handler, IParseNodeFactory? parseNodeFactory = null)
    {
        var auth = new BaseBearerTokenAuthenticationProvider(new StaticTokenProvider());
        var adapter = new HttpClientRequestAdapter(auth, parseNodeFactory ?? new HoneyHiveJsonParseNodeFactory(), new JsonSerializationWriterFactory(), new HttpClient(handler))
        {
            BaseUrl = "https://api.honeyhive.ai",
        };
        return new HoneyHiveApiClient(adapter);
    }

    public static async Task<T> ParseAsync<T>(string json, ParsableFactory<T> factory, IParseNodeFactory parseNodeFactory) where T : IParsable
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var node = await parseNodeFactory.GetRootParseNodeAsync("application/json", stream);
        return node.GetObjectValue(factory);
    }

    public static async Task<string> SerializeAsync<T>(T value) where T : IParsable
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, value);
        using var reader = new StreamReader(writer.GetSerializedContent());
        return await reader.ReadToEndAsync();
    }

    private sealed class StaticTokenProvider : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new(["api.honeyhive.ai"]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? Key : string.Empty);
    }
}
