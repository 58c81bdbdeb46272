using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing.Tests;

public class FilterTests
{
    // Three events with a spread of field kinds; filters are checked by which ids come back.
    private static InMemoryHoneyHive Seeded()
    {
        var fake = new InMemoryHoneyHive();
        fake.AddEventsJson("""
            [
              {"project_id":"p","event_id":"a","event_type":"model","session_id":"65e0fc2d6a2eb95f55a92cbc","start_time":"2024-04-01 22:38:19",
               "metadata":{"cost":0.00008,"cached":true,"tokens":"58"},"inputs":{"chat_history":[{"role":"system","content":"Answer the question"}]},
               "user_properties":{"user":"google-oauth2|1"},"children_ids":["c1","c2"]},
              {"project_id":"p","event_id":"b","event_type":"tool","session_id":"65e0fc2d6a2eb95f55a92ccc","start_time":1714978764301,
               "metadata":{"cost":2.5,"cached":false,"tokens":"7"},"inputs":{"chat_history":[{"role":"user","content":"Hello"}]},
               "user_properties":{"user":"alice"}},
              {"project_id":"p","event_id":"c","event_type":"chain","session_id":"65e0fc2d6a2eb95f55a92cdc","start_time":"2024-06-01T00:00:00Z",
               "metadata":{"cost":10}},
              {"project_id":"other","event_id":"z","event_type":"model","metadata":{"cost":1}}
            ]
            """);
        return fake;
    }

    [Theory]
    // string
    [InlineData("event_type", "is", "model", "string", "a")]
    [InlineData("event_type", "is not", "model", "string", "b,c")]
    [InlineData("user_properties.user", "contains", "oauth2", "string", "a")]
    [InlineData("user_properties.user", "not contains", "oauth2", "string", "b,c")]
    [InlineData("event_type", "greater than", "model", "string", "b")]
    [InlineData("event_type", "less than", "model", "string", "c")]
    [InlineData("user_properties.user", "exists", "", "string", "a,b")]
    [InlineData("user_properties.user", "not exists", "", "string", "c")]
    // number: numeric, not lexical ("10" > "2.5"), and numeric strings count as numbers
    [InlineData("metadata.cost", "is", "2.5", "number", "b")]
    [InlineData("metadata.cost", "is not", "2.5", "number", "a,c")]
    [InlineData("metadata.cost", "greater than", "2", "number", "b,c")]
    [InlineData("metadata.cost", "less than", "0.001", "number", "a")]
    [InlineData("metadata.tokens", "greater than", "10", "number", "a")]
    [InlineData("metadata.cost", "contains", "2.", "number", "b")]
    [InlineData("metadata.cost", "not contains", "2.", "number", "a,c")]
    [InlineData("metadata.tokens", "exists", "", "number", "a,b")]
    [InlineData("metadata.tokens", "not exists", "", "number", "c")]
    // boolean
    [InlineData("metadata.cached", "is", "true", "boolean", "a")]
    [InlineData("metadata.cached", "is not", "true", "boolean", "b,c")]
    [InlineData("metadata.cached", "contains", "false", "boolean", "b")]
    [InlineData("metadata.cached", "not contains", "false", "boolean", "a,c")]
    [InlineData("metadata.cached", "exists", "", "boolean", "a,b")]
    [InlineData("metadata.cached", "not exists", "", "boolean", "c")]
    // id (ordinal on object ids)
    [InlineData("session_id", "is", "65e0fc2d6a2eb95f55a92ccc", "id", "b")]
    [InlineData("session_id", "is not", "65e0fc2d6a2eb95f55a92ccc", "id", "a,c")]
    [InlineData("session_id", "contains", "92c", "id", "a,b,c")]
    [InlineData("session_id", "not contains", "2cd", "id", "a,b")]
    [InlineData("session_id", "greater than", "65e0fc2d6a2eb95f55a92cbc", "id", "b,c")]
    [InlineData("session_id", "less than", "65e0fc2d6a2eb95f55a92ccc", "id", "a")]
    [InlineData("session_id", "exists", "", "id", "a,b,c")]
    [InlineData("children_ids", "contains", "c2", "id", "a")]
    // datetime: mixes the "yyyy-MM-dd HH:mm:ss" string, Unix ms and ISO-8601 forms
    [InlineData("start_time", "is", "2024-04-01T22:38:19Z", "datetime", "a")]
    [InlineData("start_time", "is not", "2024-04-01T22:38:19Z", "datetime", "b,c")]
    [InlineData("start_time", "greater than", "2024-05-01 00:00:00", "datetime", "b,c")]
    [InlineData("start_time", "less than", "1714978764301", "datetime", "a")]
    [InlineData("start_time", "after", "2024-05-31T00:00:00Z", "datetime", "c")]
    [InlineData("start_time", "before", "2024-05-31T00:00:00Z", "datetime", "a,b")]
    [InlineData("start_time", "contains", "2024-06", "datetime", "c")]
    [InlineData("start_time", "not contains", "2024-06", "datetime", "a,b")]
    [InlineData("start_time", "exists", "", "datetime", "a,b,c")]
    [InlineData("end_time", "not exists", "", "datetime", "")]
    // dotted path with array index; missing index/field only matches negative operators
    [InlineData("inputs.chat_history.0.content", "is", "Hello", "string", "b")]
    [InlineData("inputs.chat_history.0.role", "is not", "user", "string", "a,c")]
    [InlineData("inputs.chat_history.1.content", "exists", "", "string", "")]
    [InlineData("inputs.chat_history.0.content", "not contains", "Ans", "string", "b,c")]
    public async Task Operator_and_type_select_the_expected_events(string field, string op, string value, string type, string expected)
    {
        using var fake = Seeded();
        using var client = Api.Client(fake);

        var (status, body) = await Api.PostAsync(client, "events/export", Api.Export("p", [Api.Filter(field, op, value, type)]));

        Assert.Equal(200, status);
        Assert.Equal(expected, string.Join(',', Api.Ids(body)));
        Assert.Equal(Api.Ids(body).Length, body["totalEvents"]!.GetValue<int>());
    }

    [Fact]
    public async Task Filters_are_anded()
    {
        using var fake = Seeded();
        using var client = Api.Client(fake);
        JsonArray filters = [Api.Filter("metadata.cost", "greater than", "0", "number"), Api.Filter("event_type", "is not", "chain")];

        var (_, body) = await Api.PostAsync(client, "events/export", Api.Export("p", filters));

        Assert.Equal(["a", "b"], Api.Ids(body));
    }

    [Fact]
    public async Task Get_reads_url_encoded_json_filters_and_date_range()
    {
        using var fake = Seeded();
        using var client = Api.Client(fake);
        var filters = Api.Encode("""[{"field":"metadata.cost","operator":"greater than","value":"0.5","type":"number"}]""");
        var range = Api.Encode("""{"$gte":"2024-05-01T00:00:00Z","$lte":"2024-05-31T00:00:00Z"}""");

        var (status, body) = await Api.GetAsync(client, $"events?project=p&filters={filters}&dateRange={range}&limit=10&page=1");

        Assert.Equal(200, status);
        Assert.Equal(["b"], Api.Ids(body));
        Assert.Equal(1, body["totalEvents"]!.GetValue<int>());
    }

    [Fact]
    public async Task Events_of_other_projects_are_never_returned()
    {
        using var fake = Seeded();
        using var client = Api.Client(fake);

        var (_, body) = await Api.GetAsync(client, $"events?project=other&filters={Api.Encode("[]")}");

        Assert.Equal(["z"], Api.Ids(body));
    }
}
