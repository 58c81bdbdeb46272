// Cold-start measurer: see ColdStartOptions.Usage. Compares commands against the first one.
using System.Globalization;
using HoneyHive.Bench.Shared;
using HoneyHive.ColdStart;

var options = ColdStartOptions.Parse(args, Console.Error);
if (options is null)
{
    Console.Error.WriteLine(ColdStartOptions.Usage);
    return 2;
}

var factory = new EventPageFactory();
await using var server = new CannedEventsServer(
    factory.CreatePageJson(options.PageEvents), factory.CreateBatchResponseJson(1), options.ApiKey);
server.Start();

var commands = options.Commands;
Console.WriteLine($"server {server.BaseUrl}  runs {options.Runs} (+{options.Warmup} warm-up) per command, interleaved");

// Warm-up: loads each binary into the page cache and JIT-warms this server. The first
// warm-up run's output is shown so a broken command is obvious before the numbers.
for (var w = 0; w < options.Warmup; w++)
{
    for (var c = 0; c < commands.Count; c++)
    {
        var result = await ProcessLauncher.RunAsync(commands[c], server, options.ApiKey, options.Timeout);
        if (w == 0)
        {
            Console.WriteLine($"#{c + 1} {commands[c].Label}: first warm-up run exit={result.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "timeout"}");
            Console.Write(Indent(result.Output));
        }
    }
}

// Interleaved (A B C A B C ...) so drift in machine load hits every command alike.
var results = commands.Select(_ => new List<RunResult>()).ToArray();
for (var r = 0; r < options.Runs; r++)
{
    for (var c = 0; c < commands.Count; c++)
    {
        results[c].Add(await ProcessLauncher.RunAsync(commands[c], server, options.ApiKey, options.Timeout));
    }
}

var summaries = results.Select(Summary.Of).ToArray();
Console.WriteLine();
Console.WriteLine("                                        start->first request     start->exit       ratio of medians vs #1");
Console.WriteLine("#  command                        ok     median      p90       median      p90      first-req     exit");
for (var c = 0; c < commands.Count; c++)
{
    var s = summaries[c];
    var b = summaries[0];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{c + 1,-2} {Truncate(commands[c].Label, 28),-28} {s.Ok,3}/{s.Runs,-3} {s.FirstMedian,7:F1} {s.FirstP90,8:F1}   {s.ExitMedian,8:F1} {s.ExitP90,8:F1}   {s.FirstMedian / b.FirstMedian,8:F2}x {s.ExitMedian / b.ExitMedian,8:F2}x"));
}
Console.WriteLine("times in ms; failed runs (non-zero exit, timeout, no request or a non-200 answer) are excluded from the statistics");

var allOk = summaries.All(s => s.Ok == s.Runs);
if (!allOk)
{
    for (var c = 0; c < commands.Count; c++)
    {
        var failed = results[c].FirstOrDefault(r => !r.Succeeded);
        if (failed is not null) Console.WriteLine($"#{c + 1} first failed run:{Environment.NewLine}{Indent(failed.Output)}");
    }
}
return allOk ? 0 : 1;

static string Indent(string text) =>
    string.Concat(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "    " + l.TrimEnd('\r') + Environment.NewLine));

static string Truncate(string text, int width) => text.Length <= width ? text : "…" + text[^(width - 1)..];

/// <summary>Median and p90 of the successful runs of one command.</summary>
internal sealed record Summary(int Runs, int Ok, double FirstMedian, double FirstP90, double ExitMedian, double ExitP90)
{
    public static Summary Of(List<RunResult> runs)
    {
        var ok = runs.Where(r => r.Succeeded).ToList();
        var first = ok.Select(r => r.FirstRequestMs!.Value).ToList();
        var exit = ok.Select(r => r.ExitMs).ToList();
        return new Summary(runs.Count, ok.Count,
            Percentiles.Median(first), Percentiles.P90(first), Percentiles.Median(exit), Percentiles.P90(exit));
    }
}
