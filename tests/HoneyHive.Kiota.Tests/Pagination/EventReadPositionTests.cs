using HoneyHive.Kiota.Pagination;
using Xunit;

namespace HoneyHive.Kiota.Tests.Pagination;

/// <summary>The saved form of a read's position: stable JSON, read back exactly, and a clear error for anything else.</summary>
public sealed class EventReadPositionTests
{
    private const string Saved = """{"version":1,"page":8,"pageSize":100,"until":"2025-01-15T12:00:05.987Z","query":"0123456789abcdef"}""";

    [Fact]
    public void The_json_form_reads_back_to_the_same_text()
    {
        var position = EventReadPosition.Parse(Saved);

        Assert.Equal(8, position.NextPage);
        Assert.Equal(100, position.PageSize);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 12, 0, 5, 987, TimeSpan.Zero), position.Until);
        Assert.Equal(Saved, position.ToJson());
        Assert.Equal(Saved, position.ToString());
    }

    [Theory]
    [InlineData("", "it is not valid JSON")]
    [InlineData("[]", "it is not a JSON object")]
    [InlineData("""{"version":2,"page":8,"pageSize":100,"until":"2025-01-15T12:00:05.987Z","query":"q"}""", "its version is 2; this library reads version 1")]
    [InlineData("""{"version":1,"page":0,"pageSize":100,"until":"2025-01-15T12:00:05.987Z","query":"q"}""", "\"page\" is missing or not a whole number of at least 1")]
    [InlineData("""{"version":1,"page":8,"pageSize":7501,"until":"2025-01-15T12:00:05.987Z","query":"q"}""", "\"pageSize\" is 7501, over the API's 7500")]
    [InlineData("""{"version":1,"page":8,"pageSize":100,"until":"yesterday","query":"q"}""", "\"until\" is not a UTC time such as 2024-04-01T22:38:19.123Z: \"yesterday\"")]
    [InlineData("""{"version":1,"page":8,"pageSize":100,"until":"2025-01-15T12:00:05.987Z"}""", "\"query\" is missing or not a string")]
    public void Anything_else_is_a_format_error_saying_what_is_wrong(string json, string problem)
    {
        var error = Assert.Throws<FormatException>(() => EventReadPosition.Parse(json));

        Assert.Equal($"Not a saved read position (EventReadPosition): {problem}.", error.Message);
    }
}
