using System.Text.Json;
using System.Text.RegularExpressions;

namespace HoneyHive.Cli.Tests;

/// <summary>What one in-process run of <c>hh</c> produced.</summary>
/// <param name="ExitCode">The value <c>CliApp.RunAsync</c> returned.</param>
/// <param name="Out">Text written to <c>CliEnvironment.Out</c> (usage, summaries).</param>
/// <param name="Data">Bytes written to the standard output stream (JSON Lines), as UTF-8 text.</param>
/// <param name="Error">Text written to <c>CliEnvironment.Error</c>.</param>
/// <param name="OpenedStandardOutput">Whether the command asked for the standard output stream.</param>
internal sealed partial record CliResult(int ExitCode, string Out, string Data, string Error, bool OpenedStandardOutput)
{
    /// <summary>Every JSON line written to the standard output stream, parsed.</summary>
    public IReadOnlyList<JsonElement> JsonLines => Jsonl.Parse(Data);

    /// <summary>
    /// Standard error without the progress lines ("sent 1,500 / 2,000 events (1,271/s)"), which a run that
    /// takes over a second prints: on a loaded machine that can be any run, so tests that expect nothing else
    /// on standard error look at this.
    /// </summary>
    public string ErrorBesidesProgress => string.Concat(Error.Split('\n').Where(l => l.Length > 0 && !ProgressLine().IsMatch(l)).Select(l => l + "\n"));

    /// <summary>Everything the user would see, for "never prints X" assertions.</summary>
    public string AllText => Out + Data + Error;

    [GeneratedRegex(@"^(sent|listed|exported) [\d,]+( / [\d,]+)? events? \([\d,]+/s\)\r?$")]
    private static partial Regex ProgressLine();

    public override string ToString() => $"exit {ExitCode}\n--- out ---\n{Out}\n--- data ---\n{Data}\n--- error ---\n{Error}";
}
