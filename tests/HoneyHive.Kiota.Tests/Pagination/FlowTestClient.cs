using System.Net;
using System.Text;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;
using RichardSzalay.MockHttp;

namespace HoneyHive.Kiota.Tests.Pagination;

/// <summary>Builds the generated client over a mock handler, the way the flow tests need it.</summary>
internal static class FlowTestClient
{
    public const string BaseUrl = "https://api.honeyhive.ai";

    public static HoneyHiveApiClient Create(MockHttpMessageHandler mockHttp) =>
        new(new HttpClientRequestAdapter(
            new AnonymousAuthenticationProvider(),
            new HoneyHive.Kiota.Serialization.HoneyHiveJsonParseNodeFactory(),
            new JsonSerializationWriterFactory(),
            new HttpClient(mockHttp))
        { BaseUrl = BaseUrl });

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>The decoded value of one query parameter.</summary>
    public static string? Query(Uri uri, string name)
    {
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            if (key == name) return eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
        }

        return null;
    }
}
