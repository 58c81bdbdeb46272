using System.Net;
using HoneyHive.Kiota.Errors;
using Microsoft.Kiota.Abstractions;
using RichardSzalay.MockHttp;
using Xunit;
using static HoneyHive.Kiota.Tests.Client.TestClients;

namespace HoneyHive.Kiota.Tests.Client;

public sealed class ErrorMappingTests
{
    private static readonly RetryOptions NoRetry = new() { MaxRetries = 0 };

    public static TheoryData<HttpStatusCode, string, string, Type> Failures() => new()
    {
        { HttpStatusCode.Unauthorized, "application/json", """{"error":"unauthorized"}""", typeof(HoneyHiveAuthenticationException) },
        { HttpStatusCode.Forbidden, "application/json", """{"error":"forbidden"}""", typeof(HoneyHiveAuthenticationException) },
        { HttpStatusCode.NotFound, "application/json", """{"error":"not found"}""", typeof(HoneyHiveNotFoundException) },
        { HttpStatusCode.TooManyRequests, "application/json", """{"error":"slow down"}""", typeof(HoneyHiveRateLimitException) },
        { HttpStatusCode.InternalServerError, "application/json", """{"error":"boom"}""", typeof(HoneyHiveServerException) },
        { HttpStatusCode.BadGateway, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>", typeof(HoneyHiveServerException) },
        { HttpStatusCode.BadRequest, "application/json", """{"error":"bad filter"}""", typeof(HoneyHiveApiException) },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task StatusMapsToTypedException(HttpStatusCode status, string contentType, string body, Type expected)
    {
        var mock = new MockHttpMessageHandler();
        mock.When(EventsUrl).Respond(status, contentType, body);
        using var client = Create(mock, retry: NoRetry);

        var ex = await Assert.ThrowsAnyAsync<HoneyHiveApiException>(() => GetEventsAsync(client));

        Assert.IsType(expected, ex);
        Assert.IsAssignableFrom<ApiException>(ex);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal((int)status, ex.ResponseStatusCode);
        Assert.Equal("GET", ex.RequestMethod);
        Assert.Equal("/events", ex.RequestPath);
        Assert.Equal(body, ex.ResponseBodyExcerpt);
        Assert.DoesNotContain(ApiKey, ex.ToString(), StringComparison.Ordinal);
        // The query string (project, filters) is not echoed into messages.
        Assert.DoesNotContain("proj-1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimitCarriesRetryAfter()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(EventsUrl).Respond(_ =>
        {
            var response = Json("""{"error":"slow down"}""", HttpStatusCode.TooManyRequests);
            response.Headers.Add("Retry-After", "42");
            return response;
        });
        using var client = Create(mock, retry: NoRetry);

        var ex = await Assert.ThrowsAsync<HoneyHiveRateLimitException>(() => GetEventsAsync(client));

        Assert.Equal(TimeSpan.FromSeconds(42), ex.RetryAfter);
    }

    [Theory]
    [InlineData("x-request-id")]
    [InlineData("request-id")]
    [InlineData("x-amzn-RequestId")]
    public async Task RequestIdIsCaptured(string header)
    {
        var mock = new MockHttpMessageHandler();
        mock.When(EventsUrl).Respond(HttpStatusCode.NotFound, [new KeyValuePair<string, string>(header, "req-123")], "application/json", "{}");
        using var client = Create(mock, retry: NoRetry);

        var ex = await Assert.ThrowsAsync<HoneyHiveNotFoundException>(() => GetEventsAsync(client));

        Assert.Equal("req-123", ex.RequestId);
        Assert.Contains("req-123", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyExcerptIsBoundedAndRedacted()
    {
        // The key straddles the cut-off point: no leading piece of it may survive.
        var body = new string('x', HoneyHiveApiException.MaxBodyExcerptLength - 10) + ApiKey + new string('y', 5000);
        var mock = new MockHttpMessageHandler();
        mock.When(EventsUrl).Respond(HttpStatusCode.BadRequest, "text/plain", body);
        using var client = Create(mock, retry: NoRetry);

        var ex = await Assert.ThrowsAsync<HoneyHiveApiException>(() => GetEventsAsync(client));

        Assert.NotNull(ex.ResponseBodyExcerpt);
        Assert.True(ex.ResponseBodyExcerpt.Length <= HoneyHiveApiException.MaxBodyExcerptLength + "[REDACTED]".Length);
        Assert.DoesNotContain(ApiKey[..6], ex.ResponseBodyExcerpt, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 1000);
    }

    [Fact]
    public async Task TruncatedJsonIsAResponseFormatError()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(EventsUrl).Respond(
            HttpStatusCode.OK,
            [new KeyValuePair<string, string>("x-request-id", "req-trunc")],
            "application/json",
            """{"events":[{"event_id":"a","start_time":"2024-04""");
        using var client = Create(mock);

        var ex = await Assert.ThrowsAsync<HoneyHiveResponseFormatException>(() => GetEventsAsync(client));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal("req-trunc", ex.RequestId);
        Assert.Equal("/events", ex.RequestPath);
        Assert.Matches(@"^HoneyHive API answered 200 to GET /events \(request id req-trunc\), but the response body is not valid JSON at line 1, byte [0-9]+\.", ex.Message);
        var parserError = Assert.IsType<HoneyHiveResponseFormatException>(ex.InnerException);
        Assert.IsType<System.Text.Json.JsonException>(parserError.InnerException, exactMatch: false);
    }

    [Fact]
    public async Task EmptySuccessBodyIsAResponseFormatError()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(EventsUrl).Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) });
        using var client = Create(mock);

        var ex = await Assert.ThrowsAsync<HoneyHiveResponseFormatException>(() => GetEventsAsync(client));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain", "all good")]
    [InlineData("text/html", "<html>captive portal</html>")]
    public async Task NonJsonSuccessIsAResponseFormatError(string contentType, string body)
    {
        var mock = new MockHttpMessageHandler();
        mock.When(EventsUrl).Respond(contentType, body);
        using var client = Create(mock);

        var ex = await Assert.ThrowsAsync<HoneyHiveResponseFormatException>(() => GetEventsAsync(client));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Contains(contentType, ex.Message, StringComparison.Ordinal);
        Assert.Equal(body, ex.ResponseBodyExcerpt);
    }

    [Fact]
    public async Task JsonWithCharsetAndVendorTypesAreAccepted()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(EventsUrl).Respond(_ =>
        {
            var response = Json("""{"events":[],"totalEvents":7}""");
            response.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
            return response;
        });
        using var client = Create(mock);

        var result = await GetEventsAsync(client);

        Assert.Equal(7, result?.TotalEvents);
    }
}
