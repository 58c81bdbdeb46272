using HoneyHive.Cli.Cli;
using HoneyHive.Cli.Output;
using HoneyHive.Kiota.Pagination;

namespace HoneyHive.Cli.Commands;

/// <summary><c>hh events list|export</c>: every matching event as JSON Lines, one page in memory at a time.</summary>
internal static class ListEventsCommand
{
    public const string Usage = """
        hh events list   --project P [--filter "FIELD OPERATOR VALUE[:TYPE]"]... [--from T] [--to T]
                         [--page-size N] [--max N] [--output FILE]
        hh events export (the same, plus) [--projection FIELD]...
        """;

    public static async Task<int> RunAsync(ParsedArguments args, bool export, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var query = QueryArguments.Read(args, allowProjections: export);
        var output = args.Single("--output");
        var connection = Connection.From(args, environment);
        args.RejectUnknown();

        using var client = connection.CreateClient();
        var progress = new ProgressReporter(environment.Error, export ? "exported" : "listed");
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
