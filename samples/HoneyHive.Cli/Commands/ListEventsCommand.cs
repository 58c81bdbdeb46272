using HoneyHive.Cli.Cli;
using HoneyHive.Cli.Output;
using HoneyHive.Kiota.Pagination;

namespace HoneyHive.Cli.Commands;

/// <summary><c>hh events list|export</c>: every matching event as JSON Lines, one page in memory at a time.</summary>
internal static class ListEventsCommand
{
    public const string Usage = """
        hh events list   --project P [--filter "FIELD OPERATOR VALUE[:TYPE]"]... [--from T] [--to T]
                         [--page-size N] [--max N] [--parallel N] [--output FILE]
        hh events export (the same, plus) [--projection FIELD]...
        """;

    public const string Help = """
        hh events list    every matching event, read with GET /events, as JSON Lines
        hh events export  the same with POST /events/export, which also takes projections

        Usage:
          hh events list   --project P [options]
          hh events export --project P [options] [--projection FIELD]...

        Options:
          --project P         the project's name or id (required)
          --filter "F O V"    a condition, repeatable (all must hold): FIELD OPERATOR VALUE[:TYPE], e.g.
                              "event_type is model", "metadata.cost greater than 0.01:number"
                              operators: is, is not, contains, not contains, greater than
                              types: string (default), number, boolean, id
          --from T, --to T    start time bounds, inclusive: ISO-8601 (UTC unless an offset is given) or Unix ms
          --page-size N       events per request, 1 to 7500 (default 1000)
          --max N             stop after N events
          --parallel N        pages requested at once, 1 to 16 (default 1): faster on long reads, same
                              output in the same order, up to N + 1 pages in memory
          --projection FIELD  export only: fields to return, repeatable (e.g. event_id, metadata)
          --output FILE       write to FILE instead of standard output
        """ + ConnectionHelp.Text + """


        Progress goes to standard error every second on long reads.
        """;

    public static async Task<int> RunAsync(ParsedArguments args, bool export, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var query = QueryArguments.Read(args, allowProjections: export);
        var output = args.Single("--output");
        var connection = Connection.From(args, environment);
        args.RejectUnknown();

        using var client = connection.CreateClient();
        var progress = new ProgressReporter(environment.Error, export ? "exported" : "listed", environment.ErrorIsTerminal);
        await using var stream = output is null ? environment.OpenStandardOutput() : OutputFile.Create(output);
        await using var writer = new JsonLinesWriter(stream);
        var pages = export ? client.ExportEventPagesAsync(query, cancellationToken) : client.GetEventPagesAsync(query, cancellationToken);
        long? total = null;
        await foreach (var page in pages.ConfigureAwait(false))
        {
            total = page.TotalEvents;
            foreach (var e in page.Events)
            {
                await writer.WriteAsync(e, cancellationToken).ConfigureAwait(false);
            }

            progress.Report(writer.Count, total);
        }

        progress.Finish(writer.Count, total);
        return ExitCodes.Success;
    }
}
