using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HoneyHive.Cli.Tests;

/// <summary>
/// <c>hh events export --resume FILE</c>: an export stopped part-way — cancelled, or its process killed — and run
/// again continues from the last complete page, and the output file ends up byte for byte what an uninterrupted
/// export of the same project writes, sequentially and with --parallel. Every request waits on the fake's held
/// clock, so the test decides how far the first run gets.
/// </summary>
public sealed class ResumeExportTests
{
    private const string Project = "resume-project";
    private const int Count = 1_234;

    private static async Task<(CliServer Server, HeldTimers Clock)> StartAsync()
    {
        var clock = new HeldTimers();
        var server = await CliServer.StartAsync(clock);
        // Fixed times: the reference export runs on a server of its own and must hold the same bytes.
        var start = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
        server.Fake.AddEvents(Enumerable.Range(0, Count).Select(i => new JsonObject
        {
            ["event_id"] = $"r-{i:D5}",
            ["project"] = Project,
            ["event_type"] = i % 2 == 0 ? "model" : "tool",
            ["event_name"] = $"step {i}",
            ["session_id"] = $"session-{i / 100}",
            ["start_time"] = start.AddSeconds(i).ToUnixTimeMilliseconds(),
            ["metadata"] = new JsonObject { ["cost"] = i * 0.0001 },
        }));
        // Every page request waits until the test releases it.
        server.Fake.Faults.AddLatency(TimeSpan.FromSeconds(1), path: "/events/export", times: int.MaxValue);
        return (server, clock);
    }

    private static string[] Export(string output, string resume, string parallel) =>
        ["events", "export", "--project", Project, "--page-size", "50", "--parallel", parallel, "--output", output, "--resume", resume];

    // The reference: the same export, never interrupted, on its own server.
    private static async Task<byte[]> UninterruptedAsync(string parallel)
    {
        var (server, clock) = await StartAsync();
        await using var _ = server;
        clock.ReleaseAll();
        using var temp = new TempDirectory();
        var output = temp.File("whole.jsonl");
        var result = await server.RunAsync(Export(output, temp.File("whole.resume"), parallel));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(File.Exists(temp.File("whole.resume")));
        return File.ReadAllBytes(output);
    }

    // Lets the first run read a few pages, then waits until it has saved a position and is holding a
    // request for a later page.
    private static async Task ReleasePagesAsync(HeldTimers clock, int rounds, string resume)
    {
        for (var i = 0; i < rounds; i++)
        {
            await clock.WhenPending(1);
            clock.ReleasePending();
        }

        var waited = Stopwatch.StartNew();
        while (!File.Exists(resume))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "the export saved no position");
            await Task.Delay(10);
        }

        await clock.WhenPending(1);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("4")]
    public async Task A_cancelled_export_run_again_continues_where_it_stopped(string parallel)
    {
        var whole = await UninterruptedAsync(parallel);
        var (server, clock) = await StartAsync();
        await using var _ = server;
        using var temp = new TempDirectory();
        var output = temp.File("events.jsonl");
        var resume = temp.File("events.resume");

        using var cancellation = new CancellationTokenSource();
        var first = Hh.RunAsync(new Dictionary<string, string> { ["HH_API_KEY"] = CliServer.ApiKey }, cancellation.Token, [.. Export(output, resume, parallel), "--base-url", server.BaseUrl]);
        await ReleasePagesAsync(clock, rounds: 4, resume);
        await cancellation.CancelAsync();
        var stopped = await first;

        Assert.True(stopped.ExitCode == 130, stopped.ToString());
        Assert.True(File.Exists(resume), "no resume file after the cancelled run");
        var partial = new FileInfo(output).Length;
        Assert.InRange(partial, 1, whole.Length - 1);

        clock.ReleaseAll();
        var second = await server.RunAsync(Export(output, resume, parallel));

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("continuing the export in " + output + " at page ", second.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(resume), "the resume file outlived the completed export");
        Assert.Equal(whole, File.ReadAllBytes(output));
        Assert.Equal(Count, Jsonl.ReadFile(output).Count);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("4")]
    public async Task A_killed_export_run_again_continues_where_it_stopped(string parallel)
    {
        var whole = await UninterruptedAsync(parallel);
        var (server, clock) = await StartAsync();
        await using var _ = server;
        using var temp = new TempDirectory();
        var output = temp.File("events.jsonl");
        var resume = temp.File("events.resume");

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "hh.dll"), .. Export(output, resume, parallel), "--base-url", server.BaseUrl])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HH_API_KEY"] = CliServer.ApiKey;
        using (var process = Process.Start(start)!)
        {
            try
            {
                await ReleasePagesAsync(clock, rounds: 4, resume);
            }
            finally
            {
                // SIGKILL: no chance to tidy up, as when a machine or container goes away.
                process.Kill();
                await process.WaitForExitAsync();
            }
        }

        // As if the kill had come in the middle of writing a page: a line cut short after the last saved page.
        File.AppendAllText(output, """{"event_id":"r-0""");

        clock.ReleaseAll();
        var second = await server.RunAsync(Export(output, resume, parallel));

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.False(File.Exists(resume));
        Assert.Equal(whole, File.ReadAllBytes(output));
    }

    [Fact]
    public async Task Resume_needs_an_output_file_and_is_export_only()
    {
        var variables = new Dictionary<string, string> { ["HH_API_KEY"] = "k" };

        var withoutOutput = await Hh.RunWithVariablesAsync(variables, "events", "export", "--project", "p", "--resume", "x.resume");
        var onList = await Hh.RunWithVariablesAsync(variables, "events", "list", "--project", "p", "--resume", "x.resume", "--output", "x.jsonl");

        Assert.True(withoutOutput.ExitCode == 2, withoutOutput.ToString());
        Assert.Contains("--resume needs --output FILE: an interrupted export is continued in that file", withoutOutput.Error, StringComparison.Ordinal);
        Assert.True(onList.ExitCode == 2, onList.ToString());
        Assert.Contains("--resume is export-only: use hh events export", onList.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resume_file_from_another_query_is_refused()
    {
        var (server, clock) = await StartAsync();
        await using var _ = server;
        using var temp = new TempDirectory();
        var output = temp.File("events.jsonl");
        var resume = temp.File("events.resume");
        using var cancellation = new CancellationTokenSource();
        var first = Hh.RunAsync(new Dictionary<string, string> { ["HH_API_KEY"] = CliServer.ApiKey }, cancellation.Token, [.. Export(output, resume, "1"), "--base-url", server.BaseUrl]);
        await ReleasePagesAsync(clock, rounds: 2, resume);
        await cancellation.CancelAsync();
        Assert.Equal(130, (await first).ExitCode);
        clock.ReleaseAll();

        var other = await server.RunAsync([.. Export(output, resume, "1"), "--filter", "event_type is model"]);

        Assert.True(other.ExitCode == 2, other.ToString());
        Assert.Contains($"{resume} was saved by an export of another query", other.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(resume));
    }
}
