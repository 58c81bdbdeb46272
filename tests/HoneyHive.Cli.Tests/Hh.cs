using System.Text;
using HoneyHive.Cli.Cli;

namespace HoneyHive.Cli.Tests;

/// <summary>Runs <c>hh</c> in-process with captured streams and a private set of environment variables.</summary>
internal static class Hh
{
    public static Task<CliResult> RunWithVariablesAsync(IReadOnlyDictionary<string, string>? variables, params string[] args) =>
        RunAsync(variables, CancellationToken.None, args);

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? variables, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var data = new MemoryStream();
        var opened = false;
        var environment = new CliEnvironment(
            output,
            error,
            () =>
            {
                opened = true;
                return data;
            },
            name => variables is not null && variables.TryGetValue(name, out var value) ? value : null);

        // A hung run fails the test instead of the whole test run (and then exits 130, not 0).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var code = await CliApp.RunAsync(args, environment, timeout.Token);
        // The command disposes the stream it was given; ToArray still works on a disposed MemoryStream.
        return new CliResult(code, output.ToString(), Encoding.UTF8.GetString(data.ToArray()), error.ToString(), opened);
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(null, CancellationToken.None, args);
}
