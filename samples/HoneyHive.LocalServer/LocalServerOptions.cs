using System.Globalization;

namespace HoneyHive.LocalServer;

/// <summary>The command line: <c>--port N --events N --seed N</c> (each optional), or <c>--help</c>.</summary>
internal sealed record LocalServerOptions(int Port, int Events, int Seed, bool Help)
{
    public const int DefaultPort = 5090;
    public const int DefaultEvents = 10_000;
    public const int DefaultSeed = 20240401;
    public const int MaxEvents = 1_000_000;

    public const string Usage = """
        HoneyHive.LocalServer — the in-memory HoneyHive on 127.0.0.1, seeded with generated events, until Ctrl-C

        Usage: dotnet run --project samples/HoneyHive.LocalServer -- [--port N] [--events N] [--seed N]

          --port N     the port, 0 for a free one (default 5090)
          --events N   generated events in project "Simple RAG", 0 to 1000000 (default 10000)
          --seed N     the generator's seed: the same seed gives the same events (default 20240401)
        """;

    /// <exception cref="FormatException">An argument is unknown, lacks its value or is out of range.</exception>
    public static LocalServerOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LocalServerOptions(DefaultPort, DefaultEvents, DefaultSeed, Help: false);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                return options with { Help = true };
            }

            if (name is not ("--port" or "--events" or "--seed"))
            {
                throw new FormatException($"unknown argument '{name}'");
            }

            if (i + 1 >= args.Count)
            {
                throw new FormatException($"{name} needs a value");
            }

            var text = args[++i];
            options = name switch
            {
                "--port" => options with { Port = Number(name, text, 0, 65535) },
                "--events" => options with { Events = Number(name, text, 0, MaxEvents) },
                _ => options with { Seed = Number(name, text, int.MinValue, int.MaxValue) },
            };
        }

        return options;
    }

    private static int Number(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"{name} must be a whole number from {min} to {max}, not '{text}'");
}
