using System.Globalization;

namespace HoneyHive.Kiota.Streaming;

/// <summary>The command line: <c>[--mode all|stream|single-page|server-only] [--events N] [--page-size N] [--trace]</c>.</summary>
internal sealed record StreamingOptions(string Mode, long TotalEvents, int PageSize, bool Trace = false)
{
    public static readonly string[] Modes = ["server-only", "single-page", "stream"];

    public static StreamingOptions Parse(string[] args)
    {
        // The API's largest page is the worst case for a single page's footprint, so it is the default.
        var options = new StreamingOptions("all", 1_000_000, 7_500);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--trace")
            {
                options = options with { Trace = true };
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--mode" => options with { Mode = value },
                "--events" => options with { TotalEvents = long.Parse(value, CultureInfo.InvariantCulture) },
                "--page-size" => options with { PageSize = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown argument {args[i]}; use --mode all|{string.Join('|', Modes)}, --events N, --page-size N."),
            };
            i++;
        }

        if (options.Mode != "all" && !Modes.Contains(options.Mode))
        {
            throw new ArgumentException($"Unknown mode {options.Mode}; use all|{string.Join('|', Modes)}.");
        }

        return options.TotalEvents >= 1 && options.PageSize is >= 1 and <= Pagination.EventQuery.MaxPageSize
            ? options
            : throw new ArgumentException($"--events must be at least 1 and --page-size 1 to {Pagination.EventQuery.MaxPageSize}.");
    }

    /// <summary>The arguments that make a child process run <paramref name="mode"/> with these settings.</summary>
    public string[] ChildArguments(string mode) =>
        ["--mode", mode, "--events", TotalEvents.ToString(CultureInfo.InvariantCulture), "--page-size", PageSize.ToString(CultureInfo.InvariantCulture), .. (Trace ? new[] { "--trace" } : [])];
}
