using System.Text.Json;

namespace HoneyHive.Cli.Tests;

/// <summary>What one in-process run of <c>hh</c> produced.</summary>
/// <param name="ExitCode">The value <c>CliApp.RunAsync</c> returned.</param>
/// <param name="Out">Text written to <c>CliEnvironment.Out</c> (usage, summaries).</param>
/// <param name="Data">Bytes written to the standard output stream (JSON Lines), as UTF-8 text.</param>
/// <param name="Error">Text written to <c>CliEnvironment.Error</c>.</param>
/// <param name="OpenedStandardOutput">Whether the command asked for the standard output stream.</param>
internal sealed record CliResult(int ExitCode, string Out, string Data, string Error, bool OpenedStandardOutput)
{
    /// <summary>Every JSON line written to the standard output stream, parsed.</summary>
    public IReadOnlyList<JsonElement> JsonLines => Jsonl.Parse(Data);

    /// <summary>Everything the user would see, for "never prints X" assertions.</summary>
    public string AllText => Out + Data + Error;

    public override string ToString() => $"exit {ExitCode}\n--- out ---\n{Out}\n--- data ---\n{Data}\n--- error ---\n{Error}";
}
