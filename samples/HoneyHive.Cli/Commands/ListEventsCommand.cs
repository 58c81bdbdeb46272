using HoneyHive.Cli.Cli;
using HoneyHive.Cli.Output;
using System.Globalization;
using HoneyHive.Kiota;
using HoneyHive.Kiota.Pagination;

namespace HoneyHive.Cli.Commands;

/// <summary><c>hh events list|export</c>: every matching event as JSON Lines, one page in memory at a time.</summary>
internal static class ListEventsCommand
{
    public const string Usage = """
        hh events list   --project P [--filter "FIELD OPERATOR VALUE[:TYPE]"]... [--from T] [--to T]
                         [--page-size N] [--max N] [--parallel N] [--output FILE]
        hh events export (the same, plus) [--projection FIELD]... [--resume FILE]
        """;

    public const string Help = """
        hh events list    every matching event, read with GET /events, as JSON Lines
        hh events export  the same with POST /events/export, which also takes projections

        Usage:
          hh events list   --project P [options]
          hh events export --project P [options] [--projection FIELD]... [--resume FILE]

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
          --resume FILE       export only, with --output: the same command run again continues an
                              interrupted export from its last complete page (FILE holds the position)
          --output FILE       write to FILE instead of standard output
        """ + ConnectionHelp.Text + """


        Progress goes to standard error every second on long reads.
        """;

    public static async Task<int> RunAsync(ParsedArguments args, bool export, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var query = QueryArguments.Read(args, allowProjections: export);
        var output = args.Single("--output");
        var resumePath = args.Single("--resume");
        if (resumePath is not null && !export)
        {
            throw new UsageException("--resume is export-only: use hh events export");
        }

        if (resumePath is not null && output is null)
        {
            throw new UsageException("--resume needs --output FILE: an interrupted export is continued in that file");
        }

        var connection = Connection.From(args, environment);
        args.RejectUnknown();

        var resumed = resumePath is null ? null : ExportResumeFile.Load(resumePath);
        var already = resumed?.Events ?? 0;
        if (resumed is not null)
        {
            query.ResumeFrom = resumed.Position;
            if (query.MaxEvents is { } max)
            {
                if (max <= already)
                {
                    File.Delete(resumePath!);
                    return ExitCodes.Success;
                }

                query.MaxEvents = max - already;
            }

            environment.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"continuing the export in {output} at page {resumed.Position.NextPage} ({already:N0} {(already == 1 ? "event" : "events")} there)"));
        }

        using var client = connection.CreateClient();
        var pages = ReadPages(client, query, export, resumePath, cancellationToken);
        var progress = new ProgressReporter(environment.Error, export ? "exported" : "listed", environment.ErrorIsTerminal);
        await using var stream = output is null ? environment.OpenStandardOutput() : resumed is not null ? OutputFile.Continue(output, resumed.OutputBytes) : OutputFile.Create(output);
        await using var writer = new JsonLinesWriter(stream);
        long? total = null;
        await foreach (var page in pages.ConfigureAwait(false))
        {
            total = page.TotalEvents;
            foreach (var e in page.Events)
            {
                await writer.WriteAsync(e, cancellationToken).ConfigureAwait(false);
            }

            if (resumePath is not null && page.Position is { } position)
            {
                // The page is in the file before the position after it is saved: a kill in between repeats
                // the page's lines, which the next run cuts back to the saved length.
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                new ExportResumeFile(position, stream.Position, already + writer.Count).Save(resumePath);
            }

            progress.Report(already + writer.Count, total);
        }

        progress.Finish(already + writer.Count, total);
        if (resumePath is not null)
        {
            File.Delete(resumePath);
        }

        return ExitCodes.Success;
    }

    private static IAsyncEnumerable<EventPage> ReadPages(HoneyHiveClient client, EventQuery query, bool export, string? resumePath, CancellationToken cancellationToken)
    {
        try
        {
            return export ? client.ExportEventPagesAsync(query, cancellationToken) : client.GetEventPagesAsync(query, cancellationToken);
        }
        catch (ArgumentException) when (query.ResumeFrom is not null)
        {
            throw new UsageException($"{resumePath} was saved by an export of another query: give the same --project, --filter, --from and --projection options, or delete it to export from the beginning");
        }
    }
}
