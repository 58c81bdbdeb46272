using RichardSzalay.MockHttp;

namespace HoneyHive.Kiota.Tests.Client;

/// <summary>Builds HoneyHiveClients over a mock network, with a key the tests can search for.</summary>
internal static class TestClients
{
    public const string ApiKey = "hh_test_SECRET_k3y_0123456789abcdef";
    public const string BaseUrl = "https://api.honeyhive.ai";
    public const string EventsUrl = BaseUrl + "/events";

    public const string EmptyEventList = """{"events":[],"totalEvents":0}""";

    public static HoneyHiveClient Create(HttpMessageHandler handler, RecordingTimeProvider? time = null, RetryOptions? retry = null, TimeSpan? requestTimeout = null) =>
        new(ApiKey, new HoneyHiveClientOptions
        {
            Handler = handler,
            TimeProvider = time ?? new RecordingTimeProvider(),
            Retry = retry ?? new RetryOptions(),
            // Long enough never to fire in tests that are not about timeouts.
            RequestTimeout = requestTimeout ?? TimeSpan.FromHours(1),
            ExportTimeout = TimeSpan.FromHours(2),
        });

    public static Task<HoneyHive.Kiota.Models.EventList?> GetEventsAsync(HoneyHiveClient client, CancellationToken cancellationToken = default) =>
        client.Api.Events.GetAsync(
            config =>
            {
                config.QueryParameters.Project = "proj-1";
                config.QueryParameters.Filters = "[]";
            },
            cancellationToken);

    public static HttpResponseMessage Json(string json, System.Net.HttpStatusCode status = System.Net.HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    /// <summary>A mock that answers the events URL with <paramref name="responses"/> in turn and counts the calls.</summary>
    public static MockHttpMessageHandler Sequence(string url, out Func<int> calls, params Func<HttpResponseMessage>[] responses)
    {
        var mock = new MockHttpMessageHandler();
        var count = 0;
        mock.When(url).Respond(_ =>
        {
            var index = Interlocked.Increment(ref count) - 1;
            return responses[Math.Min(index, responses.Length - 1)]();
        });
        calls = () => Volatile.Read(ref count);
        return mock;
    }
}
