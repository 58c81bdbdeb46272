using System.Net;
using System.Text;
using HoneyHive.Kiota.Http;

namespace HoneyHive.Kiota.Tests.Http;

/// <summary>What the pipeline reads from batch bodies to decide on retries and error mapping.</summary>
public sealed class BatchBodiesTests
{
    private const string PartialBody = """{"event_ids":["a"],"errors":["b failed"],"success":false}""";

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "/events/batch", "application/json", PartialBody, true)]
    [InlineData(HttpStatusCode.InternalServerError, "/events/batch", "application/json", """{"error":"boom"}""", false)]
    [InlineData(HttpStatusCode.InternalServerError, "/events/batch", "application/json", """{"event_ids":"a"}""", false)]
    [InlineData(HttpStatusCode.InternalServerError, "/events/batch", "application/json", """{"event_ids":[""", false)]
    [InlineData(HttpStatusCode.InternalServerError, "/events/batch", "text/html", PartialBody, false)]
    [InlineData(HttpStatusCode.BadGateway, "/events/batch", "application/json", PartialBody, false)]
    [InlineData(HttpStatusCode.InternalServerError, "/events", "application/json", PartialBody, false)]
    public async Task Only_a_batch_500_whose_JSON_lists_created_ids_is_a_partial_success(HttpStatusCode status, string path, string mediaType, string body, bool expected)
    {
        using var response = Answer(status, path, mediaType, body);

        Assert.Equal(expected, await BatchBodies.IsPartialSuccessAsync(response, CancellationToken.None));
    }

    [Fact]
    public async Task The_verdict_is_reached_once_per_answer_and_kept_with_it()
    {
        using var response = Answer(HttpStatusCode.InternalServerError, "/events/batch", "application/json", PartialBody);
        Assert.True(await BatchBodies.IsPartialSuccessAsync(response, CancellationToken.None));

        // Were the body parsed again, this JSON (no event_ids) would say otherwise.
        response.Content = new StringContent("""{"error":"other"}""", Encoding.UTF8, "application/json");

        Assert.True(await BatchBodies.IsPartialSuccessAsync(response, CancellationToken.None));
        using var another = Answer(HttpStatusCode.InternalServerError, "/events/batch", "application/json", """{"error":"other"}""");
        Assert.False(await BatchBodies.IsPartialSuccessAsync(another, CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"events":[{"event_id":"a"},{"event_id":"b"}]}""", true)]
    [InlineData("""{"events":[{"event_id":"a"},{"event_id":" "}]}""", false)]
    [InlineData("""{"events":[{"event_id":"a"},{}]}""", false)]
    [InlineData("""{"events":[]}""", false)]
    [InlineData("""{"events":[{"event_id":1}]}""", false)]
    [InlineData("""not json""", false)]
    public void A_body_is_safe_to_repeat_only_when_every_event_has_an_id(string body, bool expected) =>
        Assert.Equal(expected, BatchBodies.EveryEventHasId(Encoding.UTF8.GetBytes(body)));

    private static HttpResponseMessage Answer(HttpStatusCode status, string path, string mediaType, string body) => new(status)
    {
        RequestMessage = new HttpRequestMessage(HttpMethod.Post, "https://api.honeyhive.ai" + path),
        Content = new StringContent(body, Encoding.UTF8, mediaType),
    };
}
