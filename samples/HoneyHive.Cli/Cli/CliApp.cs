using HoneyHive.Cli.Commands;

namespace HoneyHive.Cli.Cli;

/// <summary>Routes a command line to its command and turns every failure into one line and an exit code.</summary>
internal static class CliApp
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--single-session", "--help", "--version" };
    private static readonly HashSet<string> EventsCommands = new(StringComparer.Ordinal) { "list", "export", "send" };

    public static string Usage => $"""
        hh — HoneyHive events from the command line

        {ListEventsCommand.Usage}
        {SendEventsCommand.Usage}
        {DemoCommand.Usage}

        Filters: "event_type is model", "metadata.cost greater than 0.01:number"
          operators: is, is not, contains, not contains, greater than; types: string (default), number, boolean, id
          (any other ":word" at the end, such as ":float", is an error; end a string value with ":string" to keep one)
        Times (--from/--to): ISO-8601 (UTC unless an offset is given) or Unix milliseconds.
        Connection: HH_API_KEY or --api-key; HH_API_URL or --base-url (default https://api.honeyhive.ai).
        Help on a command: hh events list --help (also -h); the version: hh --version.
        Exit codes: 0 ok, 1 some events failed, 2 bad arguments, 3 bad filter, 4 file error,
          5 authentication failed, 6 network failure or timeout, 7 API error, 8 unreadable response, 130 cancelled.
          (send: when no event was created because every request failed alike, that failure's code, not 1.)
        """;

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        try
        {
            var parsed = ParsedArguments.Parse(args, Flags);
            var words = parsed.Positionals;
            if (parsed.Flag("--version"))
            {
                environment.Out.WriteLine($"hh {CliVersion.Text}");
                return ExitCodes.Success;
            }

            if (parsed.Flag("--help") || (words.Count > 0 && words[0] == "help"))
            {
                // "hh events send --help" and "hh help events send" explain that command; anything else, all.
                var topic = words.Count > 0 && words[0] == "help" ? words.Skip(1).ToList() : words;
                environment.Out.WriteLine(HelpFor(topic));
                return ExitCodes.Success;
            }

            if (words.Count == 0)
            {
                // A usage error: the usage goes to stderr, so `hh | jq` is not handed help text.
                environment.Error.WriteLine(Usage);
                return ExitCodes.BadArguments;
            }

            if (words[0] == "events" && (words.Count == 1 || !EventsCommands.Contains(words[1])))
            {
                // "hh events" alone, or with a typo: what the events commands are, on stderr.
                var problem = words.Count == 1 ? "hh events needs a command" : $"unknown command 'events {words[1]}'";
                environment.Error.WriteLine($"hh: {problem}: list, export or send");
                environment.Error.WriteLine();
                environment.Error.WriteLine(ListEventsCommand.Usage);
                environment.Error.WriteLine(SendEventsCommand.Usage);
                environment.Error.WriteLine("Help on one: hh events list --help");
                return ExitCodes.BadArguments;
            }

            var command = words[0] == "events" ? $"events {words[1]}" : words[0];
            words.RemoveRange(0, command.StartsWith("events ", StringComparison.Ordinal) ? 2 : 1);
            return command switch
            {
                "events list" => await ListEventsCommand.RunAsync(NoPositionals(parsed), export: false, environment, cancellationToken).ConfigureAwait(false),
                "events export" => await ListEventsCommand.RunAsync(NoPositionals(parsed), export: true, environment, cancellationToken).ConfigureAwait(false),
                "events send" => await SendEventsCommand.RunAsync(parsed, environment, cancellationToken).ConfigureAwait(false),
                "demo" => await DemoCommand.RunAsync(NoPositionals(parsed), environment, cancellationToken).ConfigureAwait(false),
                _ => throw new UsageException($"unknown command '{string.Join(' ', args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)))}'"),
            };
        }
        catch (Exception e)
        {
            var (code, message) = ErrorReport.Describe(e, cancellationToken, environment.KeySource);
            environment.Error.WriteLine($"hh: {message}");
            return code;
        }
    }

    private static string HelpFor(List<string> topic) => string.Join(' ', topic.Take(2)) switch
    {
        "events list" or "events export" => ListEventsCommand.Help,
        "events send" => SendEventsCommand.Help,
        "demo" => DemoCommand.Help,
        _ => Usage,
    };

    private static ParsedArguments NoPositionals(ParsedArguments args) =>
        args.Positionals.Count == 0 ? args : throw new UsageException($"unexpected argument '{args.Positionals[0]}'");
}
