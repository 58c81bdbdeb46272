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
        await foreach (var _ in new EventPager(FlowTestClient.Create(mock)).ExportEventsAsync(new EventQuery("p")))
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
    public async Task APageWithoutAnEventsArrayIsAFormatError(string pageJson)
    {
        var error = await Assert.ThrowsAsync<HoneyHiveResponseFormatException>(() => ReadAllAsync(pageJson));

        Assert.Contains("Page 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANoContentAnswerIsAFormatError() =>
        await Assert.ThrowsAsync<HoneyHiveResponseFormatException>(() => ReadAllAsync("", HttpStatusCode.NoContent));

    [Fact]
    public async Task AnEmptyResultWithoutTheArrayIsEmpty() =>
        Assert.Equal(0, await ReadAllAsync("""{"totalEvents":0}"""));
}
