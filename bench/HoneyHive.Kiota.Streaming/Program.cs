// Streaming measurement: is an export's peak memory flat in the number of events?
// Usage (see bench/README.md):
//   --mode all          (default) each mode below in its own fresh process, then the table
//   --mode server-only  the synthetic server's pages drained without the client: its own footprint
//   --mode single-page  the client reads one page (MaxPages = 1)
//   --mode stream       the client exports every event through ExportEventsAsync
//   --events N          events in the export (default 1,000,000)
//   --page-size N       events per page (default 7,500, the API's maximum)
//   --trace             one line per page on stderr: working set, GC heap, LOH, collections
using HoneyHive.Kiota.Streaming;

var options = StreamingOptions.Parse(args);
if (options.Mode != "all")
{
    var result = await MeasuredRun.RunAsync(options);
    Console.WriteLine(result.ToLine());
    return 0;
}

Console.WriteLine($"{options.TotalEvents:N0} events, page size {options.PageSize:N0}, .NET {Environment.Version}, {Environment.ProcessorCount} CPUs");
var results = StreamingOptions.Modes.Select(mode => ChildProcess.Run(options, mode)).ToList();
ResultTable.Print(results);

var stream = results.Single(r => r.Mode == "stream");
var single = results.Single(r => r.Mode == "single-page");
// A stream that lost events would look flat for the wrong reason.
if (stream.Events != options.TotalEvents)
{
    Console.Error.WriteLine($"The stream read {stream.Events} events, expected {options.TotalEvents}.");
    return 1;
}

var ratio = stream.PeakWorkingSet / (double)single.PeakWorkingSet;
Console.WriteLine(FormattableString.Invariant($"Goal: stream peak <= 1.5x single-page peak: {ratio:F2}x, {(ratio <= 1.5 ? "met" : "MISSED")}"));
return 0;
