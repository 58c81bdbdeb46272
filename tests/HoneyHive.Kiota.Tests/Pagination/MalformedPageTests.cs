using System.Net;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Pagination;
using RichardSzalay.MockHttp;

namespace HoneyHive.Kiota.Tests.Pagination;

/// <summary>A page that is not a page must not end a read as if it were the last one.</summary>
public class MalformedPageTests
{
    private static async Task<int> ReadAllAsync(string pageJson, HttpStatusCode status = HttpStatusCode.OK)
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, $"{FlowTestClient.BaseUrl}/events/export").Respond(_ => FlowTestClient.Json(pageJson, status));
        var count = 0;
        await foreach (var _ in EventPager.ReadEventsAsync(FlowTestClient.Create(mock), new EventQuery("p"), export: true))
        {
            count++;
        }

        return count;
    }

    [Theory]
    [InlineData("""{"events":"none","totalEvents":5}""")]
    [InlineData("""{"events":{"0":{}},"totalEvents":5}""")]
    [InlineData("""{"totalEvents":5}""")]
    [InlineData("""{"events":"none","totalEvents":0}""")]
    [InlineData("""{"events":[{"event_id":"a"},5],"totalEvents":2}""")]
    public async Task APageWithoutAnEventsArrayIsAFormatError(string pageJson)
    {
        var error = await Assert.ThrowsAsync<HoneyHiveResponseFormatException>(() => ReadAllAsync(pageJson));

        Assert.Contains("Page 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANoContentAnswerIsAFormatError() =>
        await Assert.ThrowsAsync<HoneyHiveResponseFormatException>(() => ReadAllAsync("", HttpStatusCode.NoContent));

    [Theory]
    [InlineData("""{"events":[{"event_id":"a"}],"totalEvents":1} x""")]
    [InlineData("""{"events":[{"event_id":"a"}""")]
    [InlineData("""[{"event_id":"a"}]""")]
    public async Task ABodyThatIsNotAJsonObjectIsAFormatError(string pageJson) =>
        await Assert.ThrowsAsync<HoneyHiveResponseFormatException>(() => ReadAllAsync(pageJson));

    [Fact]
    public async Task EscapedPropertyNamesAreRead() =>
        Assert.Equal(2, await ReadAllAsync("""{"\u0065vents":[{"event_id":"a"},{"event_id":"b"}],"total\u0045vents":2}"""));

    [Fact]
    public async Task AnEmptyResultWithoutTheArrayIsEmpty() =>
        Assert.Equal(0, await ReadAllAsync("""{"totalEvents":0}"""));
}
