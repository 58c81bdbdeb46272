namespace HoneyHive.Cli.Cli;

/// <summary>What a command may touch: its streams, environment variables and the way it builds a
/// client, so tests and the demo can substitute any of them.</summary>
internal sealed class CliEnvironment(TextWriter output, TextWriter error, Func<Stream> openStandardOutput, Func<string, string?> variables, bool errorIsTerminal = false)
{
    /// <summary>Whether standard error is a terminal: progress is then rewritten in place.</summary>
    public bool ErrorIsTerminal { get; } = errorIsTerminal;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public Func<Stream> OpenStandardOutput { get; } = openStandardOutput;

    public string? Variable(string name) => variables(name);

    /// <summary>Where the API key came from (<c>--api-key</c> or <c>HH_API_KEY</c>), once a command read it:
    /// a refused key is reported with the place the user put it.</summary>
    public string? KeySource { get; set; }

    public static CliEnvironment FromConsole() =>
        new(Console.Out, Console.Error, Console.OpenStandardOutput, Environment.GetEnvironmentVariable, !Console.IsErrorRedirected);
}
