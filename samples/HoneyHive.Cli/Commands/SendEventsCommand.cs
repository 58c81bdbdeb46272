using System.Globalization;
using HoneyHive.Cli.Cli;
using HoneyHive.Cli.Output;
using HoneyHive.Kiota.Batching;

namespace HoneyHive.Cli.Commands;

/// <summary><c>hh events send FILE</c>: creates every event in a JSON Lines file through batches and
/// accounts for each one; failed events go to a file so they can be sent again.</summary>
internal static class SendEventsCommand
{
    public const string Usage = """
        hh events send FILE.jsonl [--batch-size N] [--max-batch-bytes N] [--single-session] [--failed FILE]
        """;

    public const string Help = """
        hh events send  creates the events of a JSON Lines file (one CreateEventRequest object per line)
                        with POST /events/batch, in chunks; events without an event_id get a UUID first

        Usage:
          hh events send FILE.jsonl [options]

        Options:
          --batch-size N        events per request (default 500)
          --max-batch-bytes N   the largest request, in bytes of JSON (default 4194304, under HoneyHive's
                                5 MB limit); an event larger on its own is not sent and goes to --failed
          --single-session      all events belong to one session (sent as is_single_session)
          --failed FILE         where events that were not created are written, to send again
                                (default: FILE.failed.jsonl beside the input)
        """ + ConnectionHelp.Text + """


        Exit code 1 when some events were not created (they are in the --failed file).
        """;

    public static async Task<int> RunAsync(ParsedArguments args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count != 1)
        {
            throw new UsageException("events send takes one FILE.jsonl");
        }

        var path = args.Positionals[0];
        var options = new BatchOptions();
        if (args.PositiveInt("--batch-size") is { } batchSize)
        {
            options.BatchSize = batchSize;
        }

        if (args.IntInRange("--max-batch-bytes", BatchOptions.MinMaxBatchBytes, int.MaxValue) is { } maxBatchBytes)
        {
            options.MaxBatchBytes = maxBatchBytes;
        }

        if (args.Flag("--single-session"))
        {
            options.IsSingleSession = true;
        }

        var failedPath = args.Single("--failed") ?? Path.ChangeExtension(path, ".failed.jsonl");
        var connection = Connection.From(args, environment);
        args.RejectUnknown();

        var events = await EventFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        using var client = connection.CreateClient();
        var progress = new ProgressReporter(environment.Error, "sent", environment.ErrorIsTerminal);
        options.Progress = new BatchProgressTo(progress);
        var result = await client.CreateEventsAsync(events, options, cancellationToken).ConfigureAwait(false);
        progress.Finish(result.TotalCount, result.TotalCount);

        environment.Out.WriteLine(Summary(result));
        if (result.IsSuccess)
        {
            return ExitCodes.Success;
        }

        await using (var writer = new JsonLinesWriter(OutputFile.Create(failedPath)))
        {
            foreach (var failed in result.Failed)
            {
                await writer.WriteAsync(failed.Event, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var failed in result.Failed.Take(5))
        {
            environment.Error.WriteLine($"failed {failed.EventId}: {ErrorReport.EventFailure(failed.Error, failed.Exception, environment.KeySource)}");
        }

        environment.Error.WriteLine($"failed events written to {failedPath}");
        return FailureCode(result, cancellationToken);
    }

    // Exit 1 means "some events failed". When nothing was created because every request failed the
    // same way (a wrong key, no network, the API down), exit with that failure's own code instead,
    // so a script can tell a bad key (5) from events the API refused.
    // "3 events: 2 created, 1 failed (1 not sent: too large)": what became of each event, in words that do
    // not claim an event was sent when it never left.
    private static string Summary(BatchResult result)
    {
        var tooLarge = result.Failed.Count(f => f.Exception is EventTooLargeException);
        var notSent = tooLarge > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({tooLarge:N0} not sent: too large)") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{result.TotalCount:N0} {(result.TotalCount == 1 ? "event" : "events")}: {result.CreatedCount:N0} created, {result.FailedCount:N0} failed{notSent}");
    }

    private static int FailureCode(BatchResult result, CancellationToken cancellationToken)
    {
        // An event too large to send was refused by the CLI itself, like an event the API refused: exit 1.
        if (result.CreatedCount > 0 || result.Failed.Any(f => f.Exception is null or EventTooLargeException))
        {
            return ExitCodes.PartialFailure;
        }

        var codes = result.Failed.Select(f => ErrorReport.Describe(f.Exception!, cancellationToken).Code).Distinct().ToList();
        return codes.Count == 1 ? codes[0] : ExitCodes.PartialFailure;
    }
}
