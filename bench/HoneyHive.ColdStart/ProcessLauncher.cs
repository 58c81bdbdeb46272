using System.Diagnostics;

namespace HoneyHive.ColdStart;

/// <summary>The timings and outcome of one launch.</summary>
internal sealed record RunResult(
    double? FirstRequestMs, double ExitMs, int? ExitCode, int Requests, int FailedAnswers, bool TimedOut, string Output)
{
    /// <summary>Counted only if the process exited 0 after every request it made was answered 200.</summary>
    public bool Succeeded => !TimedOut && ExitCode == 0 && Requests > 0 && FailedAnswers == 0 && FirstRequestMs is not null;
}

/// <summary>Starts one command against the server and times it from just before Process.Start.</summary>
/// <remarks>
/// Process.Start (fork/exec) is inside the measured time on purpose: it is part of what a user
/// waits for. Output is redirected so the child never blocks on, or pays for, a terminal.
/// </remarks>
internal static class ProcessLauncher
{
    public static async Task<RunResult> RunAsync(MeasuredCommand command, CannedEventsServer server, string apiKey, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        foreach (var argument in command.ArgumentsFor(server.BaseUrl)) start.ArgumentList.Add(argument);
        start.Environment["HH_API_KEY"] = apiKey;
        // Keep `dotnet app.dll` commands comparable run to run: no first-run banner or telemetry.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var observation = server.BeginRun();
        using var process = new Process { StartInfo = start };
        var t0 = Stopwatch.GetTimestamp();
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        var timedOut = false;
        using (var deadline = new CancellationTokenSource(timeout))
        {
            try { await process.WaitForExitAsync(deadline.Token); }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        var exitMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        var output = (await stdout) + (await stderr);
        server.EndRun();

        var first = observation.FirstRequestTimestamp;
        return new RunResult(
            first == 0 ? null : Stopwatch.GetElapsedTime(t0, first).TotalMilliseconds,
            exitMs,
            timedOut ? null : process.ExitCode,
            observation.Requests,
            observation.FailedAnswers,
            timedOut,
            output + string.Concat(observation.Log.Select(l => "  [server] " + l + Environment.NewLine)));
    }
}
