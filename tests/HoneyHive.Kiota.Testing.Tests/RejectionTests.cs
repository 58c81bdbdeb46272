using System.Net;

namespace HoneyHive.Kiota.Testing.Tests;

public class RejectionTests
{
    [Theory]
    [InlineData("""{"filters":[]}""")]                                                     // no project
    [InlineData("""{"project":"","filters":[]}""")]
    [InlineData("""{"project":"p"}""")]                                                    // no filters
    [InlineData("""{"project":"p","filters":{}}""")]
    [InlineData("""{"project":"p","filters":[],"limit":7501}""")]
    [InlineData("""{"project":"p","filters":[],"limit":0}""")]
    [InlineData("""{"project":"p","filters":[],"limit":"ten"}""")]
    [InlineData("""{"project":"p","filters":[],"limit":1.5}""")]
    [InlineData("""{"project":"p","filters":[],"page":0}""")]
    [InlineData("""{"project":"p","filters":[],"dateRange":{"$gte":"not a date"}}""")]
    [InlineData("""{"project":"p","filters":[],"dateRange":"2024"}""")]
    [InlineData("""{"project":"p","filters":[],"projections":"event_id"}""")]
    [InlineData("""{"project":"p","filters":[{"field":"a","operator":"equals","value":"x","type":"string"}]}""")]
    [InlineData("""{"project":"p","filters":[{"field":"a","operator":"is","value":"x","type":"text"}]}""")]
    [InlineData("""{"project":"p","filters":[{"field":"a","operator":"is","value":5,"type":"number"}]}""")]
    [InlineData("""{"project":"p","filters":[{"field":"a","operator":"is","value":"five","type":"number"}]}""")]
    [InlineData("""{"project":"p","filters":[{"field":"a","operator":"is","value":"yes","type":"boolean"}]}""")]
    [InlineData("""{"project":"p","filters":[{"field":"a","operator":"greater than","value":"true","type":"boolean"}]}""")]
    [InlineData("""{"project":"p","filters":[{"field":"a","operator":"is","value":"noon","type":"datetime"}]}""")]
    [InlineData("""{"project":"p","filters":[{"operator":"is","value":"x","type":"string"}]}""")]
    [InlineData("""{"project":"p","filters":[""")]                                         // malformed JSON
    [InlineData("""[]""")]
    [InlineData("")]
    public async Task Export_rejects_invalid_requests_with_400_json(string body)
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);

        using var response = await client.PostAsync("events/export", Api.Json(body));

        await AssertJsonError(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("events?filters=%5B%5D")]                                    // no project
    [InlineData("events?project=p")]                                         // no filters
    [InlineData("events?project=p&filters=%5Bnot-json")]
    [InlineData("events?project=p&filters=%7B%7D")]                          // object, not array
    [InlineData("events?project=p&filters=%5B%5D&dateRange=%7Bbroken")]
    [InlineData("events?project=p&filters=%5B%5D&limit=7501")]
    [InlineData("events?project=p&filters=%5B%5D&limit=0")]
    [InlineData("events?project=p&filters=%5B%5D&limit=abc")]
    [InlineData("events?project=p&filters=%5B%5D&page=0")]
    [InlineData("events?project=p&filters=%5B%5D&page=x")]
    public async Task Get_rejects_invalid_queries_with_400_json(string pathAndQuery)
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);

        using var response = await client.GetAsync(pathAndQuery);

        await AssertJsonError(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"events":{}}""")]
    [InlineData("""{"events":[1]}""")]
    [InlineData("""{"events":[{"event_type":"model"}]}""")]                  // no project
    [InlineData("""{"events":[{"project":"p","event_id":7}]}""")]
    [InlineData("""{"events":[],"is_single_session":"yes"}""")]
    [InlineData("""{"events":[],"session_properties":[]}""")]
    [InlineData("""{"events":[""")]
    public async Task Batch_rejects_invalid_bodies_with_400_and_stores_nothing(string body)
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);

        using var response = await client.PostAsync("events/batch", Api.Json(body));

        await AssertJsonError(response, HttpStatusCode.BadRequest);
        Assert.Empty(fake.Events);
    }

    [Fact]
    public async Task Invalid_event_later_in_the_batch_stores_nothing()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);

        using var response = await client.PostAsync("events/batch", Api.Json("""{"events":[{"project":"p"},{"source":"x"}]}"""));

        await AssertJsonError(response, HttpStatusCode.BadRequest);
        Assert.Empty(fake.Events);
    }

    [Fact]
    public async Task Unknown_path_is_404()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);

        using var response = await client.GetAsync("sessions");

        await AssertJsonError(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("POST", "events", "GET")]
    [InlineData("GET", "events/export", "POST")]
    [InlineData("GET", "events/batch", "POST")]
    [InlineData("DELETE", "events/batch", "POST")]
    public async Task Wrong_method_is_405_with_allow(string method, string path, string allowed)
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await AssertJsonError(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal([allowed], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Missing_or_wrong_api_key_is_401_and_right_key_passes()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = "secret" });
        using var anonymous = Api.Client(fake);
        using var wrong = Api.Client(fake, apiKey: "nope");
        using var right = Api.Client(fake, apiKey: "secret");

        using var none = await anonymous.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event())));
        using var bad = await wrong.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event())));
        using var good = await right.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event())));

        await AssertJsonError(none, HttpStatusCode.Unauthorized);
        await AssertJsonError(bad, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Single(fake.Events);
    }

    [Theory]
    [InlineData("events?project=p", "filters is required: a JSON array of filters, [] for none")]
    [InlineData("events?filters=&project=p", "filters is required: a JSON array of filters, [] for none")]   // a URL template's unset required parameter
    [InlineData("events?filters=%5B%5D&project=", "project is required and must be a non-empty string")]
    [InlineData("events?project=p&filters=%5Bnot-json", "filters is not valid JSON: expected a JSON array of filters, [] for none, JSON-encoded in the query string")]
    [InlineData("events?project=p&filters=%5B%5D&dateRange=%7Bbroken", "dateRange is not valid JSON: expected a JSON object with $gte and/or $lte, JSON-encoded in the query string")]
    [InlineData("events?project=p&filters=%5B%5D&limit=abc", "limit must be a whole number")]
    public async Task Get_400s_name_the_missing_or_invalid_parameter(string pathAndQuery, string error)
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);

        using var response = await client.GetAsync(pathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, (await Api.ReadObjectAsync(response))["error"]!.GetValue<string>());
    }

    internal static async Task AssertJsonError(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await Api.ReadObjectAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(body["error"]!.GetValue<string>()));
    }
}
