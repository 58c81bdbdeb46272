using RichardSzalay.MockHttp;
using Xunit;
using static HoneyHive.Kiota.Tests.Client.TestClients;

namespace HoneyHive.Kiota.Tests.Client;

public sealed class OptionsTests
{
    [Fact]
    public void DefaultsAreDocumentedValues()
    {
        var options = new HoneyHiveClientOptions();

        Assert.Equal(new Uri("https://api.honeyhive.ai"), options.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(120), options.ExportTimeout);
        Assert.Equal(3, options.Retry.MaxRetries);
        Assert.True(options.Retry.RespectRetryAfter);
    }

    public static TheoryData<string, Func<HoneyHiveClientOptions>> InvalidOptions() => new()
    {
        { "RequestTimeout", () => new HoneyHiveClientOptions { RequestTimeout = TimeSpan.Zero } },
        { "ExportTimeout", () => new HoneyHiveClientOptions { ExportTimeout = TimeSpan.FromSeconds(-5) } },
        { "MaxRetries", () => new HoneyHiveClientOptions { Retry = new RetryOptions { MaxRetries = -1 } } },
        { "MaxDelay", () => new HoneyHiveClientOptions { Retry = new RetryOptions { BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(1) } } },
        { "UserAgent", () => new HoneyHiveClientOptions { UserAgent = "bad\r\nagent" } },
        { "not both", () => new HoneyHiveClientOptions { HttpClient = new HttpClient(), Handler = new MockHttpMessageHandler() } },
        { "user info", () => new HoneyHiveClientOptions { BaseUrl = new Uri("https://user:pass@api.honeyhive.ai") } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidOptionsThrowNamingTheSetting(string expectedInMessage, Func<HoneyHiveClientOptions> options)
    {
        var ex = Assert.Throws<ArgumentException>(() => new HoneyHiveClient(ApiKey, options()));

        Assert.Contains(expectedInMessage, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserAgentStartsWithTheLibraryAndAppendsTheCallers()
    {
        string? userAgent = null;
        var mock = new MockHttpMessageHandler();
        mock.When(EventsUrl).Respond(request =>
        {
            userAgent = request.Headers.UserAgent.ToString();
            return Json(EmptyEventList);
        });
        using var client = new HoneyHiveClient(ApiKey, new HoneyHiveClientOptions { Handler = mock, UserAgent = "my-cli/1.2" });

        await GetEventsAsync(client);

        Assert.NotNull(userAgent);
        Assert.StartsWith("HoneyHive.Kiota/", userAgent, StringComparison.Ordinal);
        Assert.EndsWith("my-cli/1.2", userAgent, StringComparison.Ordinal);
        Assert.DoesNotContain("kiota-dotnet", userAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallersHttpClientIsUsedAndNotDisposed()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(EventsUrl).Respond("application/json", EmptyEventList);
        using var callers = new HttpClient(mock);
        using (var client = new HoneyHiveClient(ApiKey, new HoneyHiveClientOptions { HttpClient = callers }))
        {
            await GetEventsAsync(client);
            await GetEventsAsync(client);
        }

        // Still usable after the HoneyHiveClient is gone.
        using var response = await callers.GetAsync(new Uri(EventsUrl));
        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task CallersHandlerIsNotDisposed()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(EventsUrl).Respond("application/json", EmptyEventList);
        using (var client = new HoneyHiveClient(ApiKey, new HoneyHiveClientOptions { Handler = mock }))
        {
            await GetEventsAsync(client);
        }

        using var invoker = new HttpMessageInvoker(mock);
        using var request = new HttpRequestMessage(HttpMethod.Get, EventsUrl);
        using var response = await invoker.SendAsync(request, CancellationToken.None);
        Assert.True(response.IsSuccessStatusCode);
    }
}
