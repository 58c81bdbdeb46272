using System.Net;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Filters;
using HoneyHive.Kiota.Serialization;
using HoneyHive.Kiota.Testing;

namespace HoneyHive.Kiota.EndToEnd.Tests.RoundTrip;

/// <summary>The generated surface against the fake: a request that lacks a required parameter is answered
/// with a 400 that names it.</summary>
public class GeneratedClientRejectionTests
{
    [Fact]
    public async Task Get_without_filters_is_told_that_filters_is_missing()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = "key" });
        using var client = new HoneyHiveClient("key", new HoneyHiveClientOptions { Handler = fake });

        var error = await Assert.ThrowsAsync<HoneyHiveApiException>(() => client.Api.Events.GetAsync(c => c.QueryParameters.Project = "p"));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("""{"error":"filters is required: a JSON array of filters, [] for none"}""", error.ResponseBodyExcerpt);
    }

    [Fact]
    public async Task Get_with_filters_from_QueryJson_is_answered()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = "key" });
        fake.AddEventsJson("""[{"project":"p","event_type":"model"},{"project":"p","event_type":"tool"}]""");
        using var client = new HoneyHiveClient("key", new HoneyHiveClientOptions { Handler = fake });

        var page = await client.Api.Events.GetAsync(c =>
        {
            c.QueryParameters.Project = "p";
            c.QueryParameters.Filters = QueryJson.Serialize([EventFilters.Field("event_type").Is("model")]);
        });

        Assert.Equal(1, page!.TotalEvents);
    }
}
