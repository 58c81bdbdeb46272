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
        hh events send FILE.jsonl [--batch-size N] [--single-session] [--failed FILE]
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

        if (args.Flag("--single-session"))
        {
            options.IsSingleSession = true;
        }

        var failedPath = args.Single("--failed") ?? Path.ChangeExtension(path, ".failed.jsonl");
        var connection = Connection.From(args, environment);
        args.RejectUnknown();

        var events = await EventFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        using var client = connection.CreateClient();
        var result = await client.CreateEventsAsync(events, options, cancellationToken).ConfigureAwait(false);

        environment.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sent {result.TotalCount:N0} events: {result.CreatedCount:N0} created, {result.FailedCount:N0} failed"));
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
            environment.Error.WriteLine($"failed {failed.EventId}: {ErrorReport.OneLine(failed.Error ?? "")}");
        }

        environment.Error.WriteLine($"failed events written to {failedPath}");
        return FailureCode(result, cancellationToken);
    }

    // Exit 1 means "some events failed". When nothing was created because every request failed the
    // same way (a wrong key, no network, the API down), exit with that failure's own code instead,
    // so a script can tell a bad key (5) from events the API refused.
    private static int FailureCode(BatchResult result, CancellationToken cancellationToken)
    {
        if (result.CreatedCount > 0 || result.Failed.Any(f => f.Exception is null))
        {
            return ExitCodes.PartialFailure;
        }

        var codes = result.Failed.Select(f => ErrorReport.Describe(f.Exception!, cancellationToken).Code).Distinct().ToList();
        return codes.Count == 1 ? codes[0] : ExitCodes.PartialFailure;
    }
}
