using System.Diagnostics;
using System.Reflection;

namespace HoneyHive.Kiota.Streaming;

/// <summary>
/// Runs one mode in a fresh process of this same program, so each mode's peak is its own: a
/// process's peak working set only ever grows, and the GC and ArrayPool keep memory between runs.
/// </summary>
internal static class ChildProcess
{
    public static RunResult Run(StreamingOptions options, string mode)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Started through the apphost the path is the program itself; through `dotnet x.dll` it is
        // dotnet, which needs the assembly first.
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in options.ChildArguments(mode))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process.");
        RunResult? result = null;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            result ??= RunResult.TryParse(line);
            Console.WriteLine($"  [{mode}] {line}");
        }

        process.WaitForExit();
        return process.ExitCode == 0 && result is not null
            ? result
            : throw new InvalidOperationException($"The {mode} run failed (exit code {process.ExitCode}).");
    }
}
