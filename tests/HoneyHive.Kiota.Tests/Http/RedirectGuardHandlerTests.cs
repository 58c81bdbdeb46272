using System.Net;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Tests.Client;

namespace HoneyHive.Kiota.Tests.Http;

/// <summary>
/// The redirect guard types only the failures of Kiota's redirect handler; an <see cref="InvalidOperationException"/>
/// from a handler below (the DI package's refusal of a second retry layer) passes unchanged.
/// </summary>
public sealed class RedirectGuardHandlerTests
{
    [Fact]
    public async Task An_invalid_operation_from_below_the_redirects_is_not_turned_into_an_api_exception()
    {
        var handler = new DelegateHandler((_, _) => throw new InvalidOperationException("configuration says no"));
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestClients.GetEventsAsync(client));

        Assert.Equal("configuration says no", error.Message);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task A_redirect_without_a_location_is_an_api_exception_naming_the_status()
    {
        var handler = new DelegateHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Found) { Content = new ByteArrayContent([]) }));
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<HoneyHiveApiException>(() => TestClients.GetEventsAsync(client));

        Assert.Equal(302, error.ResponseStatusCode);
        Assert.StartsWith("HoneyHive API answered 302 Found to GET /events, and the redirect was not followed: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_is_an_api_exception_that_names_where_without_the_query()
    {
        var handler = new DelegateHandler((_, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.MovedPermanently) { Content = new ByteArrayContent([]) };
            response.Headers.Location = new Uri("http://api.honeyhive.ai/events?token=" + TestClients.ApiKey);
            return Task.FromResult(response);
        });
        using var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<HoneyHiveApiException>(() => TestClients.GetEventsAsync(client));

        Assert.Equal(301, error.ResponseStatusCode);
        Assert.Contains("(to http://api.honeyhive.ai/events), and the redirect was not followed: Redirects with changing schemes not allowed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.ApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.All(error.ResponseHeaders.Values.SelectMany(v => v), v => Assert.DoesNotContain(TestClients.ApiKey, v, StringComparison.Ordinal));
    }
}
