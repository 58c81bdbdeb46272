namespace HoneyHive.Cli.Tests;

public sealed class ExportCommandTests
{
    [Fact]
    public async Task Exports_every_event_of_the_project_through_post()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);

        var result = await server.RunAsync("events", "export", "--project", SeedEvents.Project);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.JsonLines;
        Assert.Equal(SeedEvents.Ids, Jsonl.Ids(lines));
        Assert.Equal("step 6", Jsonl.String(lines[5], "event_name"));
        Assert.Equal("tool", Jsonl.String(lines[5], "event_type"));
        var request = Assert.Single(server.Fake.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/events/export", request.PathAndQuery);
        Assert.Equal(SeedEvents.Project, Query.Body(request).GetProperty("project").GetString());
    }

    [Fact]
    public async Task Filters_and_dates_go_into_the_body()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);

        var result = await server.RunAsync("events", "export", "--project", SeedEvents.Project,
            "--filter", "event_type is model", "--filter", "metadata.rank greater than 1:number",
            "--from", SeedEvents.StartOf(0).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--to", "2024-05-06T09:03:00Z");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["e-3"], Jsonl.Ids(result.JsonLines));
        var body = Query.Body(Assert.Single(server.Fake.Requests));
        Assert.Equal(2, body.GetProperty("filters").GetArrayLength());
        Assert.True(body.GetProperty("dateRange").TryGetProperty("$lte", out _));
    }

    [Fact]
    public async Task Page_size_and_pages_are_in_each_body()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);

        var result = await server.RunAsync("events", "export", "--project", SeedEvents.Project, "--page-size", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(SeedEvents.Ids, Jsonl.Ids(result.JsonLines));
        var pages = server.Fake.Requests.Select(Query.Body).Select(b => (b.GetProperty("limit").GetInt32(), b.GetProperty("page").GetInt32())).ToList();
        Assert.Equal([(2, 1), (2, 2), (2, 3)], pages);
    }

    [Fact]
    public async Task Max_trims_the_export()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);

        var result = await server.RunAsync("events", "export", "--project", SeedEvents.Project, "--max", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["e-1", "e-2"], Jsonl.Ids(result.JsonLines));
        // Fewer wanted than a page holds: only that many are asked for.
        Assert.Equal(2, Query.Body(Assert.Single(server.Fake.Requests)).GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task Projections_keep_only_the_named_fields()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);

        var result = await server.RunAsync("events", "export", "--project", SeedEvents.Project,
            "--projection", "event_id", "--projection", "metadata.cost", "--filter", "event_type is model");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.JsonLines;
        Assert.Equal(["e-1", "e-3", "e-5"], Jsonl.Ids(lines));
        Assert.Equal([0.002, 0.02, 0.05], lines.Select(l => l.GetProperty("metadata").GetProperty("cost").GetDouble()));
        Assert.All(lines, l => Assert.False(l.TryGetProperty("event_name", out _), l.ToString()));
        Assert.All(lines, l => Assert.False(l.GetProperty("metadata").TryGetProperty("rank", out _), l.ToString()));
        var projections = Query.Body(server.Fake.Requests[0]).GetProperty("projections");
        Assert.Equal(["event_id", "metadata.cost"], projections.EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Output_file_holds_the_export()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);
        using var temp = new TempDirectory();
        var path = temp.File("export.jsonl");

        var result = await server.RunAsync("events", "export", "--project", SeedEvents.Project, "--output", path, "--page-size", "5");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(result.OpenedStandardOutput);
        var lines = Jsonl.ReadFile(path);
        Assert.Equal(SeedEvents.Ids, Jsonl.Ids(lines));
        Assert.Equal(File.ReadAllText(path).Count(c => c == '\n'), lines.Count);
    }

    [Fact]
    public async Task Output_into_a_missing_folder_is_a_file_error()
    {
        await using var server = await CliServer.StartAsync();
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "no-such-folder", "export.jsonl");

        var result = await server.RunAsync("events", "export", "--project", SeedEvents.Project, "--output", path);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("folder does not exist", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Fake.Requests);
    }

    [Fact]
    public async Task Parallel_export_writes_the_same_lines_as_a_sequential_one()
    {
        await using var server = await CliServer.StartAsync();
        SeedEvents.AddTo(server.Fake);

        var sequential = await server.RunAsync("events", "export", "--project", SeedEvents.Project, "--page-size", "1");
        var sequentialPages = server.Fake.Requests.Select(r => Query.Body(r).GetProperty("page").GetInt32()).ToList();
        server.Fake.ClearRequests();
        var parallel = await server.RunAsync("events", "export", "--project", SeedEvents.Project, "--page-size", "1", "--parallel", "4");

        Assert.True(sequential.ExitCode == 0, sequential.ToString());
        Assert.True(parallel.ExitCode == 0, parallel.ToString());
        Assert.Equal(SeedEvents.Ids, Jsonl.Ids(parallel.JsonLines));
        Assert.Equal(sequential.Data, parallel.Data);
        Assert.Equal([1, 2, 3, 4, 5, 6], sequentialPages);
        // The same six pages, each once.
        Assert.Equal([1, 2, 3, 4, 5, 6], server.Fake.Requests.Select(r => Query.Body(r).GetProperty("page").GetInt32()).Order());
    }

    [Fact]
    public async Task Parallel_asks_the_server_for_that_many_pages_at_once()
    {
        // Every request waits on the fake's held clock: with --parallel 4, pages 2 to 5 are all waiting at
        // once after page 1 (a sequential export never has more than one).
        var clock = new HeldTimers();
        await using var server = await CliServer.StartAsync(clock);
        SeedEvents.AddTo(server.Fake);
        server.Fake.Faults.AddLatency(TimeSpan.FromSeconds(1), path: "/events/export", times: 6);

        var run = server.RunAsync("events", "export", "--project", SeedEvents.Project, "--page-size", "1", "--parallel", "4");
        List<int> pagesWaiting;
        try
        {
            await clock.WhenPending(1);
            clock.ReleasePending();
            await clock.WhenPending(4);
            pagesWaiting = server.Fake.Requests.Select(r => Query.Body(r).GetProperty("page").GetInt32()).Order().ToList();
        }
        finally
        {
            // Whatever happened, let the run finish.
            clock.ReleaseAll();
        }

        var result = await run;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([1, 2, 3, 4, 5], pagesWaiting);
        Assert.Equal(4, clock.MaxPending);
        Assert.Equal(SeedEvents.Ids, Jsonl.Ids(result.JsonLines));
    }
}
