using System.Diagnostics;

namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>
/// Runs the repository's pinned Kiota (.config/dotnet-tools.json) from the repository root, with the settings the
/// repository's own client uses (no backing store, no default serializers, classes excluded from backward
/// compatibility), offline.
/// </summary>
internal static class KiotaRunner
{
    // "dotnet tool restore" once per test run; a no-op when the tool is already there.
    private static readonly Lazy<Task> Restore = new(() => RunAsync("dotnet", "tool", "restore"));

    /// <summary>Generates a C# client for <paramref name="description"/> into <paramref name="output"/>.</summary>
    public static async Task GenerateAsync(string description, string output, string name)
    {
        await Restore.Value;
        await RunAsync("dotnet", "kiota", "generate", "-l", "CSharp", "-d", description, "-o", output,
            "-n", $"Corpus.{name}", "-c", $"{name}Client", "--ebc", "-s", "none", "--ds", "none", "--ll", "Error");
    }

    private static async Task RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = CorpusCatalog.RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["KIOTA_OFFLINE_ENABLED"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }
}
