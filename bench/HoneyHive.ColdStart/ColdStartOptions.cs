namespace HoneyHive.ColdStart;

/// <summary>One command to measure: the executable and its arguments.</summary>
/// <remarks>An argument "{url}" is replaced by the server's base URL; without one the URL is appended.</remarks>
internal sealed record MeasuredCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public const string UrlPlaceholder = "{url}";

    public string Label => Arguments.Count == 0
        ? Path.GetFileName(FileName)
        : Path.GetFileName(FileName) + " " + string.Join(' ', Arguments.Select(a => Path.GetFileName(a)));

    public IEnumerable<string> ArgumentsFor(Uri baseUrl)
    {
        var url = baseUrl.ToString().TrimEnd('/');
        return Arguments.Contains(UrlPlaceholder)
            ? Arguments.Select(a => a == UrlPlaceholder ? url : a)
            : Arguments.Append(url);
    }
}

/// <summary>Command line: options first, then one or more commands, each introduced by "--".</summary>
internal sealed record ColdStartOptions(
    int Runs, int Warmup, TimeSpan Timeout, int PageEvents, string ApiKey, IReadOnlyList<MeasuredCommand> Commands)
{
    public const string Usage = """
        usage: HoneyHive.ColdStart [--runs N] [--warmup N] [--timeout SECONDS] [--events N] [--key KEY]
                                   -- <command> [args...] [-- <command> [args...]]...

          Hosts a loopback HTTP server answering GET /events, POST /events/export and
          POST /events/batch with canned seed-shaped JSON, then starts every command N times
          (interleaved, after W unrecorded warm-up runs), passing the server's base URL as an
          argument ({url} marks where; otherwise it is appended) and HH_API_KEY in the
          environment. Reports start -> first request and start -> exit, median and p90 in ms,
          and ratios against the first command (the baseline).

          --runs N        recorded runs per command (default 20, 1..1000)
          --warmup N      unrecorded runs per command first (default 2, 0..100)
          --timeout S     a run taking longer is killed and counted failed (default 30, 1..300)
          --events N      events in each canned page (default 2, 0..10000)
          --key KEY       API key handed over in HH_API_KEY and required as bearer token
        """;

    public static ColdStartOptions? Parse(string[] args, TextWriter error)
    {
        int runs = 20, warmup = 2, timeoutSeconds = 30, events = 2;
        var key = "hh-coldstart-key";
        var i = 0;
        for (; i < args.Length && args[i] != "--"; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            bool ok = args[i] switch
            {
                "--runs" => TryInt(value, 1, 1000, out runs),
                "--warmup" => TryInt(value, 0, 100, out warmup),
                "--timeout" => TryInt(value, 1, 300, out timeoutSeconds),
                "--events" => TryInt(value, 0, 10_000, out events),
                "--key" => (key = value ?? "") != "",
                _ => false,
            };
            if (!ok)
            {
                error.WriteLine($"bad option or value: {args[i]} {value}");
                return null;
            }
            i++; // every option takes one value
        }

        var commands = new List<MeasuredCommand>();
        while (i < args.Length) // at "--"
        {
            var end = Array.IndexOf(args, "--", i + 1);
            if (end < 0) end = args.Length;
            if (end == i + 1)
            {
                error.WriteLine("empty command after --");
                return null;
            }
            commands.Add(new MeasuredCommand(args[i + 1], args[(i + 2)..end]));
            i = end;
        }
        if (commands.Count == 0)
        {
            error.WriteLine("no command given");
            return null;
        }
        return new ColdStartOptions(runs, warmup, TimeSpan.FromSeconds(timeoutSeconds), events, key, commands);
    }

    private static bool TryInt(string? text, int min, int max, out int value) =>
        int.TryParse(text, out value) && value >= min && value <= max;
}
