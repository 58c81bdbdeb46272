using System.Text.Json;

namespace HoneyHive.Cli.Tests;

public sealed class ListCommandTests
{
    [Fact]
    public async Task Lists_every_event_of_the_project_as_json_lines()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);

        var result = await server.RunAsync("events", "list", "--project", SeedEvents.Project);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.JsonLines;
        Assert.Equal(SeedEvents.Ids, Jsonl.Ids(lines));
        Assert.All(lines, l => Assert.Equal(SeedEvents.Project, Jsonl.String(l, "project_id")));
        Assert.Equal("model", Jsonl.String(lines[2], "event_type"));
        Assert.Equal("step 3", Jsonl.String(lines[2], "event_name"));
        Assert.Equal(0.02, lines[2].GetProperty("metadata").GetProperty("cost").GetDouble());
        Assert.Equal("", result.ErrorBesidesProgress);
        var request = Assert.Single(server.Fake.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.StartsWith("/events?", request.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_filters_including_a_number_are_all_applied()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);

        var result = await server.RunAsync("events", "list", "--project", SeedEvents.Project,
            "--filter", "event_type is model", "--filter", "metadata.cost greater than 0.01:number");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["e-3", "e-5"], Jsonl.Ids(result.JsonLines));
        var filters = Query.Json(server.Fake.Requests[0], "filters");
        Assert.Equal(2, filters.GetArrayLength());
        Assert.Equal("number", filters[1].GetProperty("type").GetString());
    }

    [Fact]
    public async Task From_and_to_bound_the_start_time_inclusively()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);

        // ISO-8601 for the lower bound, Unix milliseconds for the upper one.
        var result = await server.RunAsync("events", "list", "--project", SeedEvents.Project,
            "--from", SeedEvents.StartOf(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            "--to", SeedEvents.StartOf(3).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["e-2", "e-3", "e-4"], Jsonl.Ids(result.JsonLines));
        var range = Query.Json(server.Fake.Requests[0], "dateRange");
        Assert.True(range.TryGetProperty("$gte", out _));
        Assert.True(range.TryGetProperty("$lte", out _));
    }

    [Fact]
    public async Task Page_size_is_the_limit_of_every_request()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);

        var result = await server.RunAsync("events", "list", "--project", SeedEvents.Project, "--page-size", "4");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(SeedEvents.Ids, Jsonl.Ids(result.JsonLines));
        var pages = server.Fake.Requests.Select(r => (Query.Value(r, "limit"), Query.Value(r, "page"))).ToList();
        Assert.Equal([("4", "1"), ("4", "2")], pages);
    }

    [Fact]
    public async Task Max_stops_after_that_many_events()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);

        var result = await server.RunAsync("events", "list", "--project", SeedEvents.Project, "--page-size", "2", "--max", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["e-1", "e-2", "e-3"], Jsonl.Ids(result.JsonLines));
        Assert.Equal(2, server.Fake.Requests.Count);
    }

    [Fact]
    public async Task Output_writes_the_file_and_nothing_to_stdout()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);
        using var temp = new TempDirectory();
        var path = temp.File("events.jsonl");

        var result = await server.RunAsync("events", "list", "--project", SeedEvents.Project, "--filter", "event_type is tool", "--output", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(result.OpenedStandardOutput);
        Assert.Equal("", result.Data);
        Assert.Equal(["e-2", "e-4", "e-6"], Jsonl.Ids(Jsonl.ReadFile(path)));
    }

    [Fact]
    public async Task Projection_is_rejected_for_list()
    {
        await using var server = await CliServer.StartAsync();

        var result = await server.RunAsync("events", "list", "--project", SeedEvents.Project, "--projection", "event_id");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--projection", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Fake.Requests);
        Assert.Equal("", result.Data);
    }

    [Fact]
    public async Task No_match_is_success_with_no_output()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);

        var result = await server.RunAsync("events", "list", "--project", "nobody");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Data);
        Assert.Equal(JsonValueKind.Array, Query.Json(server.Fake.Requests[0], "filters").ValueKind);
    }

    [Fact]
    public async Task Parallel_list_writes_the_same_lines_as_a_sequential_one()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);

        var sequential = await server.RunAsync("events", "list", "--project", SeedEvents.Project, "--page-size", "2");
        server.Fake.ClearRequests();
        var parallel = await server.RunAsync("events", "list", "--project", SeedEvents.Project, "--page-size", "2", "--parallel", "16");

        Assert.True(sequential.ExitCode == 0, sequential.ToString());
        Assert.True(parallel.ExitCode == 0, parallel.ToString());
        Assert.Equal(SeedEvents.Ids, Jsonl.Ids(parallel.JsonLines));
        Assert.Equal(sequential.Data, parallel.Data);
        Assert.Equal(["1", "2", "3"], server.Fake.Requests.Select(r => Query.Value(r, "page")).Order());
    }
}
