using System.Globalization;
using HoneyHive.Cli.Cli;
using HoneyHive.Cli.Output;
using HoneyHive.Kiota;
using HoneyHive.Kiota.Batching;
using HoneyHive.Kiota.Filters;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Pagination;
using HoneyHive.Kiota.Serialization;
using HoneyHive.Kiota.Testing;

namespace HoneyHive.Cli.Commands;

/// <summary>
/// <c>hh demo</c>: the whole client against an in-memory HoneyHive — batch, filtered export and GET
/// through pagination, a summary table — with no network and no key. It checks its own figures and
/// exits non-zero when anything disagrees, so it doubles as a smoke test of the native binary.
/// </summary>
internal static class DemoCommand
{
    public const string Usage = "hh demo [--events N]";

    public const string Help = """
        hh demo  the client against an in-memory HoneyHive: no network, no API key. Sends the batch from the
                 API's documentation plus generated events, reads the expensive ones back with export and
                 GET, checks the counts and prints a table; exits non-zero if anything disagrees.

        Usage:
          hh demo [--events N]

        Options:
          --events N   generated events to send, 1 to 100000 (default 2000)
        """;

    private const string DemoKey = "demo-key-not-secret";
    private const double CostThreshold = 0.003;

    public static async Task<int> RunAsync(ParsedArguments args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var count = args.PositiveInt("--events", 100_000) ?? 2_000;
        args.RejectUnknown();
        var o = environment.Out;

        using var honeyHive = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = DemoKey });
        using var client = new HoneyHiveClient(DemoKey, new HoneyHiveClientOptions { Handler = honeyHive });
        o.WriteLine("HoneyHive demo: the client against an in-memory HoneyHive (no network, no API key).");
        o.WriteLine();

        var seed = DemoData.SeedBatchRequest();
        var seedResult = await client.CreateEventsAsync(seed.Events!, new BatchOptions { IsSingleSession = true, SessionProperties = seed.SessionProperties }, cancellationToken).ConfigureAwait(false);
        var generated = DemoData.Generate(count);
        var progress = new ProgressReporter(environment.Error, "sent", environment.ErrorIsTerminal);
        var result = await client.CreateEventsAsync(generated, new BatchOptions { BatchSize = 500, Progress = new BatchProgressTo(progress) }, cancellationToken).ConfigureAwait(false);
        progress.Finish(result.TotalCount, result.TotalCount);
        var sent = seedResult.TotalCount + result.TotalCount;
        var created = seedResult.CreatedCount + result.CreatedCount;
        o.WriteLine(Invariant($"1. batch:  sent {sent:N0} events (the seed page's batch + {count:N0} generated) in chunks of 500: {created:N0} created, {seedResult.FailedCount + result.FailedCount:N0} failed"));

        var expensive = new EventQuery(DemoData.Project)
        {
            Filters = [EventFilters.Field("event_type").Is("model"), EventFilters.Field("metadata.cost").GreaterThan(CostThreshold)],
            PageSize = 100,
        };
        var exported = await CountAsync(client.ExportEventsAsync(expensive, cancellationToken)).ConfigureAwait(false);
        var listed = await CountAsync(client.GetEventsAsync(expensive, cancellationToken)).ConfigureAwait(false);
        var expected = generated.Count(e => e.EventType == CreateEventType.Model && e.Metadata.GetProperty("cost").GetDouble() > CostThreshold);
        o.WriteLine(Invariant($"2. filter: model events costing more than {CostThreshold}: export {exported:N0}, GET {listed:N0}, expected {expected:N0}"));

        var everything = new EventQuery(DemoData.Project) { PageSize = 250 };
        var rows = new SortedDictionary<string, (int Count, double Duration, double Cost)>(StringComparer.Ordinal);
        var pages = 0;
        var total = 0;
        await foreach (var page in client.ExportEventPagesAsync(everything, cancellationToken).ConfigureAwait(false))
        {
            pages++;
            foreach (var e in page.Events)
            {
                total++;
                var type = e.EventType is { } kind ? EnumWireNames.Of(kind) : "?";
                var row = rows.GetValueOrDefault(type);
                var cost = e.Metadata.GetProperty("cost").GetDouble() ?? 0;
                rows[type] = (row.Count + 1, row.Duration + (e.Duration ?? 0), row.Cost + cost);
            }
        }

        o.WriteLine(Invariant($"3. export: all {total:N0} events in {pages} {(pages == 1 ? "page" : "pages")} of up to 250, by type:"));
        o.WriteLine();
        o.WriteLine("   event_type    events   avg duration (ms)   total cost ($)");
        foreach (var (type, row) in rows)
        {
            o.WriteLine(Invariant($"   {type,-10} {row.Count,9:N0} {row.Duration / row.Count,19:N1} {row.Cost,16:N4}"));
        }

        o.WriteLine();
        var ok = created == sent && exported == expected && listed == expected && total == sent;
        o.WriteLine(ok ? "demo: OK" : "demo: FAILED (the figures above disagree)");
        return ok ? ExitCodes.Success : ExitCodes.ApiError;
    }

    private static async Task<int> CountAsync(IAsyncEnumerable<Event> events)
    {
        var count = 0;
        await foreach (var _ in events.ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
