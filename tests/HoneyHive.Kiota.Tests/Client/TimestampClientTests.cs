using HoneyHive.Kiota.Models;
using RichardSzalay.MockHttp;
using Xunit;
using static HoneyHive.Kiota.Tests.Client.TestClients;

namespace HoneyHive.Kiota.Tests.Client;

public sealed class TimestampClientTests
{
    [Fact]
    public async Task ReadsBothTimestampFormsThroughTheClient()
    {
        const string body = """
            {"events":[
              {"event_id":"a","start_time":"2024-04-01 22:38:19","end_time":"2024-04-01 22:38:20"},
              {"event_id":"b","start_time":1714978764301,"end_time":1714978765301}
            ],"totalEvents":2}
            """;
        var mock = new MockHttpMessageHandler();
        mock.When(EventsUrl).Respond("application/json", body);
        using var client = Create(mock);

        var result = await GetEventsAsync(client);

        Assert.NotNull(result?.Events);
        var (text, number) = (result.Events[0], result.Events[1]);
        Assert.Equal(new DateTimeOffset(2024, 4, 1, 22, 38, 19, TimeSpan.Zero), text.StartTime);
        Assert.Equal(new DateTimeOffset(2024, 4, 1, 22, 38, 20, TimeSpan.Zero), text.EndTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1714978764301), number.StartTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1714978765301), number.EndTime);
    }

    [Fact]
    public async Task SendsUnixMillisecondsInBatches()
    {
        string? sent = null;
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, BaseUrl + "/events/batch").Respond(async request =>
        {
            sent = await request.Content!.ReadAsStringAsync();
            return Json("""{"event_ids":["a"],"session_id":"s","success":true}""");
        });
        using var client = Create(mock);

        await client.Api.Events.Batch.PostAsync(new BatchEventsRequest
        {
            Events = [new CreateEventRequest { Project = "p", EventId = "a", StartTime = DateTimeOffset.FromUnixTimeMilliseconds(1714978764301) }],
        });

        Assert.Contains("\"start_time\":1714978764301", sent, StringComparison.Ordinal);
    }
}
