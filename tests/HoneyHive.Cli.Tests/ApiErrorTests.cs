using System.Net;

namespace HoneyHive.Cli.Tests;

public sealed class ApiErrorTests
{
    private const string WrongKey = "wrong-key-SECRET-93f1c2";

    /// <summary>How often hh asks for a page whose body is not valid JSON: once, then the default three retries.</summary>
    internal const int PageAttempts = 4;

    [Fact]
    public async Task Wrong_key_exits_5_without_printing_the_key()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);

        var result = await Hh.RunWithVariablesAsync(new Dictionary<string, string> { ["HH_API_KEY"] = WrongKey },
            "events", "list", "--project", SeedEvents.Project, "--base-url", server.BaseUrl);

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.StartsWith("hh: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("401", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey, result.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", result.AllText, StringComparison.Ordinal);
        Assert.Equal("", result.Data);
        Assert.Equal($"Bearer {WrongKey}", server.Fake.Requests[0].Header("Authorization"));
    }

    [Fact]
    public async Task Wrong_key_on_send_exits_5_and_keeps_the_key_out_of_the_output()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var input = temp.Write("events.jsonl", EventFiles.Lines("a-1", "a-2"));

        var result = await Hh.RunWithVariablesAsync(null, "events", "send", input, "--api-key", WrongKey, "--base-url", server.BaseUrl);

        // Nothing was created because the key was refused: 5, not 1 ("some events failed").
        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Equal("2 events: 0 created, 2 failed", result.Out.Trim());
        Assert.Contains("401", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey, result.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey, File.ReadAllText(temp.File("events.failed.jsonl")), StringComparison.Ordinal);
        Assert.Equal(["a-1", "a-2"], Jsonl.Ids(Jsonl.ReadFile(temp.File("events.failed.jsonl"))));
        Assert.Empty(server.Fake.Events);
    }

    [Fact]
    public async Task Truncated_body_once_is_fetched_again_and_the_export_completes()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);
        server.Fake.Faults.TruncateBody();

        var result = await server.RunAsync("events", "export", "--project", SeedEvents.Project);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(SeedEvents.Ids, Jsonl.Ids(result.JsonLines));
        Assert.Equal(2, server.Fake.Requests.Count);
    }

    [Fact]
    public async Task Truncated_body_beyond_the_retries_exits_8()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);
        // The client's default RetryOptions.MaxRetries is 3: the first answer and three retries are all cut.
        server.Fake.Faults.TruncateBody(times: PageAttempts);

        var result = await server.RunAsync("events", "export", "--project", SeedEvents.Project);

        Assert.True(result.ExitCode == 8, result.ToString());
        Assert.StartsWith("hh: ", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Data);
        Assert.Equal(PageAttempts, server.Fake.Requests.Count);
    }

    [Fact]
    public async Task Client_error_status_exits_7()
    {
        await using var server = await CliServer.StartAsync();
        server.Fake.Faults.RespondWithStatus(HttpStatusCode.BadRequest, jsonBody: """{"error":"project does not exist"}""");

        var result = await server.RunAsync("events", "list", "--project", "p");

        Assert.True(result.ExitCode == 7, result.ToString());
        Assert.Contains("400", result.Error, StringComparison.Ordinal);
        Assert.Single(server.Fake.Requests);
    }

    [Fact]
    public async Task Events_read_before_an_unreadable_page_are_kept_in_the_output()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var path = temp.File("partial.jsonl");
        // Response faults are taken in order: the first page is a canned full page, the second is cut in half
        // on every attempt (a page cut once is fetched again).
        server.Fake.Faults.RespondWithStatus(HttpStatusCode.OK, jsonBody: """
            {"events":[{"event_id":"x-1","project_id":"p"},{"event_id":"x-2","project_id":"p"}],"totalEvents":5}
            """);
        server.Fake.Faults.TruncateBody(times: PageAttempts);

        var result = await server.RunAsync("events", "export", "--project", "p", "--page-size", "2", "--output", path);

        Assert.True(result.ExitCode == 8, result.ToString());
        Assert.Equal(1 + PageAttempts, server.Fake.Requests.Count);
        Assert.All(server.Fake.Requests.Skip(1), r => Assert.Equal(2, Query.Body(r).GetProperty("page").GetInt32()));
        Assert.Equal(["x-1", "x-2"], Jsonl.Ids(Jsonl.ReadFile(path)));
    }
}
