using System.Net;
using HoneyHive.Kiota.Errors;
using RichardSzalay.MockHttp;
using Xunit;
using static HoneyHive.Kiota.Tests.Client.TestClients;

namespace HoneyHive.Kiota.Tests.Client;

public sealed class AuthTests
{
    [Fact]
    public async Task SendsTheBearerKeyToTheConfiguredHost()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, EventsUrl)
            .WithHeaders("Authorization", $"Bearer {ApiKey}")
            .Respond("application/json", EmptyEventList);
        using var client = Create(mock);

        var result = await GetEventsAsync(client);

        Assert.NotNull(result);
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task CrossHostRedirectDropsTheKey()
    {
        HttpRequestMessage? redirected = null;
        var mock = new MockHttpMessageHandler();
        mock.When(EventsUrl).Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Found);
            response.Headers.Location = new Uri("https://elsewhere.example.com/events");
            return response;
        });
        mock.When("https://elsewhere.example.com/events").Respond(request =>
        {
            redirected = request;
            return Json(EmptyEventList);
        });
        using var client = Create(mock);

        await GetEventsAsync(client);

        Assert.NotNull(redirected);
        Assert.Null(redirected.Headers.Authorization);
        Assert.DoesNotContain(redirected.Headers, header => header.Value.Any(value => value.Contains(ApiKey, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SameHostRedirectKeepsTheKey()
    {
        HttpRequestMessage? redirected = null;
        var mock = new MockHttpMessageHandler();
        mock.When(EventsUrl).Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TemporaryRedirect);
            response.Headers.Location = new Uri(BaseUrl + "/v2/events");
            return response;
        });
        mock.When(BaseUrl + "/v2/events").Respond(request =>
        {
            redirected = request;
            return Json(EmptyEventList);
        });
        using var client = Create(mock);

        await GetEventsAsync(client);

        Assert.Equal($"Bearer {ApiKey}", redirected?.Headers.Authorization?.ToString());
    }

    [Fact]
    public async Task RequestBuiltForAnotherHostCarriesNoKey()
    {
        HttpRequestMessage? seen = null;
        var mock = new MockHttpMessageHandler();
        mock.When("https://other.example.com/events").Respond(request =>
        {
            seen = request;
            return Json(EmptyEventList);
        });
        using var client = Create(mock);

        await client.Api.Events.WithUrl("https://other.example.com/events").GetAsync();

        Assert.NotNull(seen);
        Assert.Null(seen.Headers.Authorization);
    }

    [Theory]
    [InlineData("http://api.honeyhive.ai")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("ftp://api.honeyhive.ai")]
    public void RejectsPlainHttpToNonLoopbackHosts(string baseUrl)
    {
        var ex = Assert.Throws<ArgumentException>(() => new HoneyHiveClient(ApiKey, new HoneyHiveClientOptions { BaseUrl = new Uri(baseUrl) }));

        Assert.Contains("https", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    public async Task AllowsPlainHttpToLoopback(string baseUrl)
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, baseUrl + "/events")
            .WithHeaders("Authorization", $"Bearer {ApiKey}")
            .Respond("application/json", EmptyEventList);
        using var client = new HoneyHiveClient(ApiKey, new HoneyHiveClientOptions { BaseUrl = new Uri(baseUrl), Handler = mock });

        await GetEventsAsync(client);

        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task BaseUrlPathPrefixIsKept()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, "https://hh.internal.example.com/api/events").Respond("application/json", EmptyEventList);
        using var client = new HoneyHiveClient(ApiKey, new HoneyHiveClientOptions { BaseUrl = new Uri("https://hh.internal.example.com/api/"), Handler = mock });

        await GetEventsAsync(client);

        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task UnauthorizedNeverShowsTheKeyEvenWhenTheServerEchoesIt()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(EventsUrl).Respond(HttpStatusCode.Unauthorized, "application/json", $$"""{"error":"invalid token Bearer {{ApiKey}}"}""");
        using var client = Create(mock);

        var ex = await Assert.ThrowsAsync<HoneyHiveAuthenticationException>(() => GetEventsAsync(client));

        Assert.DoesNotContain(ApiKey, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, ex.ResponseBodyExcerpt, StringComparison.Ordinal);
        Assert.Contains("[REDACTED]", ex.ResponseBodyExcerpt, StringComparison.Ordinal);
        Assert.Contains("HH_API_KEY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStringNeverShowsTheKey()
    {
        var options = new HoneyHiveClientOptions { Handler = new MockHttpMessageHandler(), UserAgent = "my-cli/1.0" };
        using var client = new HoneyHiveClient(ApiKey, options);

        Assert.DoesNotContain(ApiKey, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, client.ToString(), StringComparison.Ordinal);
        Assert.Contains("api.honeyhive.ai", client.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptionsChangedAfterTheClientIsBuiltChangeNothing()
    {
        var first = new MockHttpMessageHandler();
        var page = first.When("https://api.honeyhive.ai/*").Respond("application/json", """{"events":[],"totalEvents":0}""");
        var options = new HoneyHiveClientOptions { Handler = first };
        using var client = new HoneyHiveClient(ApiKey, options);

        options.BaseUrl = new Uri("https://elsewhere.example");
        options.Handler = new MockHttpMessageHandler();
        await client.Api.Events.GetAsync(c => c.QueryParameters.Project = "p");

        Assert.Equal(new Uri("https://api.honeyhive.ai"), client.BaseUrl);
        Assert.Equal(1, first.GetMatchCount(page));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("key with space")]
    [InlineData("key\r\nX-Injected: 1")]
    public void RejectsMalformedKeys(string key)
    {
        var ex = Assert.Throws<ArgumentException>(() => new HoneyHiveClient(key, new HoneyHiveClientOptions { Handler = new MockHttpMessageHandler() }));

        Assert.Equal("apiKey", ex.ParamName);
        if (key.Trim().Length > 0)
        {
            Assert.DoesNotContain(key, ex.Message, StringComparison.Ordinal);
        }
    }
}
