using System.Text.Json.Nodes;

namespace HoneyHive.Cli.Tests;

/// <summary>What people read: JSON Lines as text, progress on standard error, messages in the CLI's words.</summary>
public sealed class OutputTextTests
{
    [Fact]
    public async Task Json_lines_keep_non_ascii_text_and_apostrophes_readable()
    {
        await using var server = await CliServer.StartAsync();
        server.Fake.AddEvents(new JsonObject
        {
            ["project"] = "p", ["event_id"] = "e-1", ["event_type"] = "model", ["event_name"] = "user's café",
            ["inputs"] = new JsonObject { ["question"] = "Où est le café ? It's <here> & \"there\"" },
        });

        var result = await server.RunAsync("events", "export", "--project", "p");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"event_name\":\"user's café\"", result.Data, StringComparison.Ordinal);
        Assert.Contains("\"question\":\"Où est le café ? It's <here> & \\\"there\\\"\"", result.Data, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", result.Data, StringComparison.Ordinal);
        Assert.Equal("Où est le café ? It's <here> & \"there\"", Assert.Single(result.JsonLines).GetProperty("inputs").GetProperty("question").GetString());
    }

    [Fact]
    public async Task A_server_page_that_is_not_json_is_described_without_the_json_readers_jargon()
    {
        await using var server = await CliServer.StartAsync();
        // Cut on every attempt: a page cut once is fetched again.
        server.Fake.Faults.TruncateBody(times: ApiErrorTests.PageAttempts);

        var result = await server.RunAsync("events", "list", "--project", "p");

        Assert.Equal(8, result.ExitCode);
        Assert.Equal(ApiErrorTests.PageAttempts, server.Fake.Requests.Count);
        Assert.DoesNotContain("LineNumber", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
        Assert.Matches("^hh: .*not valid JSON at line 1, byte [0-9]+", result.Error);
    }
}
