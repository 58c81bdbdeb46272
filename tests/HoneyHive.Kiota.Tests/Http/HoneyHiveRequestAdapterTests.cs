using System.Net;
using System.Text;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Http;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Extensions;
using Microsoft.Kiota.Serialization.Json;
using RichardSzalay.MockHttp;

namespace HoneyHive.Kiota.Tests.Http;

/// <summary>The lean adapter keeps Kiota's IRequestAdapter semantics: error mapping order, empty bodies,
/// primitives, request options under Kiota's keys, authentication and the base URL.</summary>
public class HoneyHiveRequestAdapterTests
{
    private const string Url = "https://api.honeyhive.ai/events/batch";

    private static HoneyHiveRequestAdapter Adapter(HttpMessageHandler handler, string baseUrl = "https://api.honeyhive.ai/") =>
        new(new AnonymousAuthenticationProvider(), new HoneyHiveJsonParseNodeFactory(), new JsonSerializationWriterFactory(), new HttpClient(handler), new SecretRedactor("hh-test-key"))
        {
            BaseUrl = baseUrl,
        };

    private static RequestInformation Request() => new(Method.POST, "{+baseurl}/events/batch", new Dictionary<string, object>());

    private static MockHttpMessageHandler Responding(HttpStatusCode status, string? json, string mediaType = "application/json")
    {
        var mock = new MockHttpMessageHandler();
        mock.When(Url).Respond(_ => new HttpResponseMessage(status)
        {
            Content = json is null ? new ByteArrayContent([]) : new StringContent(json, Encoding.UTF8, mediaType),
            Headers = { { "x-request-id", "req-1" } },
        });
        return mock;
    }

    private static Dictionary<string, ParsableFactory<IParsable>> Mapping(params string[] codes) =>
        codes.ToDictionary(c => c, _ => (ParsableFactory<IParsable>)BatchPartialFailure.CreateFromDiscriminatorValue);

    [Theory]
    [InlineData(500, new[] { "500", "5XX", "XXX" })]
    [InlineData(503, new[] { "5XX", "XXX" })]
    [InlineData(503, new[] { "XXX" })]
    [InlineData(418, new[] { "4XX" })]
    public async Task MappedErrorStatusesThrowTheMappedModel(int status, string[] codes)
    {
        var adapter = Adapter(Responding((HttpStatusCode)status, """{"event_ids":["a"],"errors":["b failed"],"success":false}"""));

        var error = await Assert.ThrowsAsync<BatchPartialFailure>(() => adapter.SendAsync(Request(), BatchEventsResponse.CreateFromDiscriminatorValue, Mapping(codes)));

        Assert.Equal(status, error.ResponseStatusCode);
        Assert.Equal(["a"], error.EventIds);
        Assert.Equal(["b failed"], error.Errors);
        Assert.Equal(["req-1"], error.ResponseHeaders["X-Request-Id"]);
    }

    [Fact]
    public async Task UnmappedErrorStatusThrowsApiExceptionWithTheStatus()
    {
        var adapter = Adapter(Responding(HttpStatusCode.BadGateway, "{}"));

        var error = await Assert.ThrowsAsync<ApiException>(() => adapter.SendAsync(Request(), BatchEventsResponse.CreateFromDiscriminatorValue, Mapping("4XX")));

        Assert.Equal(502, error.ResponseStatusCode);
        Assert.Contains("502", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoContentGivesNull()
    {
        var adapter = Adapter(Responding(HttpStatusCode.NoContent, null));

        Assert.Null(await adapter.SendAsync(Request(), BatchEventsResponse.CreateFromDiscriminatorValue));
    }

    [Fact]
    public async Task ASuccessThatIsNotJsonIsAFormatError()
    {
        var adapter = Adapter(Responding(HttpStatusCode.OK, "<html/>", "text/html"));

        var error = await Assert.ThrowsAsync<HoneyHiveResponseFormatException>(() => adapter.SendAsync(Request(), BatchEventsResponse.CreateFromDiscriminatorValue));

        Assert.Contains("text/html", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyThatFailsToParseIsReportedWithItsResponse()
    {
        var adapter = Adapter(Responding(HttpStatusCode.OK, """{"success":tr"""));

        var error = await Assert.ThrowsAsync<HoneyHiveResponseFormatException>(() => adapter.SendAsync(Request(), BatchEventsResponse.CreateFromDiscriminatorValue));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("req-1", error.RequestId);
        Assert.Equal("/events/batch", error.RequestPath);
        Assert.IsType<HoneyHiveResponseFormatException>(error.InnerException);
        Assert.Matches(@"^HoneyHive API answered 200 to POST /events/batch \(request id req-1\), but the response body is not valid JSON at line 1, byte [0-9]+\.", error.Message);
    }

    [Fact]
    public async Task APageThatIsNotJsonIsReportedInOneSentence()
    {
        // No pipeline in front of the adapter: the page handler's own content-type check is what refuses the body.
        var adapter = Adapter(Responding(HttpStatusCode.OK, "<html>maintenance</html>", "text/html"));
        var request = Request();
        request.AddRequestOptions([new ResponseHandlerOption { ResponseHandler = new HoneyHive.Kiota.Pagination.PageResponseHandler() }]);

        var error = await Assert.ThrowsAsync<HoneyHiveResponseFormatException>(() => adapter.SendAsync(request, EventList.CreateFromDiscriminatorValue));

        Assert.Equal(
            "HoneyHive API answered 200 to POST /events/batch (request id req-1), but the content type is 'text/html' where JSON was expected.",
            error.Message);
    }

    [Fact]
    public async Task PrimitivesAndStreamsAreRead()
    {
        Assert.Equal(42L, await Adapter(Responding(HttpStatusCode.OK, "42")).SendPrimitiveAsync<long?>(Request()));
        Assert.Equal("hi", await Adapter(Responding(HttpStatusCode.OK, "\"hi\"")).SendPrimitiveAsync<string>(Request()));

        await using var stream = await Adapter(Responding(HttpStatusCode.OK, """{"success":true}""")).SendPrimitiveAsync<Stream>(Request());
        using var reader = new StreamReader(stream!);
        Assert.Equal("""{"success":true}""", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task RequestCarriesHeadersBodyOptionsAndAuthentication()
    {
        HttpRequestMessage? seen = null;
        string? body = null;
        var mock = new MockHttpMessageHandler();
        mock.When(Url).Respond(async request =>
        {
            seen = request;
            body = await request.Content!.ReadAsStringAsync();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"success":true}""", Encoding.UTF8, "application/json") };
        });
        var auth = new BaseBearerTokenAuthenticationProvider(new StaticToken());
        var adapter = new HoneyHiveRequestAdapter(auth, new HoneyHiveJsonParseNodeFactory(), new JsonSerializationWriterFactory(), new HttpClient(mock), new SecretRedactor("hh-test-key")) { BaseUrl = "https://api.honeyhive.ai///" };
        var request = Request();
        request.Headers.TryAdd("Accept", "application/json");
        request.SetContentFromParsable(adapter, "application/json", new BatchEventsRequest { Events = [], IsSingleSession = true });
        request.AddRequestOptions([IdempotentBatchRequestOption.Instance]);

        var response = await adapter.SendAsync(request, BatchEventsResponse.CreateFromDiscriminatorValue);

        Assert.True(response!.Success);
        Assert.Equal(Url, seen!.RequestUri!.ToString());
        Assert.Equal("Bearer token-1", seen.Headers.Authorization!.ToString());
        Assert.Equal("application/json", Assert.Single(seen.Headers.Accept).MediaType);
        Assert.Equal("application/json", seen.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("""{"events":[],"is_single_session":true}""", body);
        Assert.Same(IdempotentBatchRequestOption.Instance, seen.GetRequestOption<IdempotentBatchRequestOption>());
    }

    [Fact]
    public async Task BackingStoresAreRefused() =>
        Assert.Throws<NotSupportedException>(() => Adapter(new MockHttpMessageHandler()).EnableBackingStore(null!));

    private sealed class StaticToken : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new(["api.honeyhive.ai"]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult("token-1");
    }
}
