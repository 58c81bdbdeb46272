using System.Diagnostics;
using System.Text;

namespace HoneyHive.LocalServer.Tests;

/// <summary>The sample started with <c>dotnet exec</c> from its own build output, its standard output collected.</summary>
internal sealed class LocalServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalServerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static LocalServerProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(SampleDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var server = new LocalServerProcess(new Process { StartInfo = start });
        server._process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    /// <summary>The base URL from the <c>export HH_API_URL=…</c> line, once the server printed it.</summary>
    public Task<string> UrlAsync() => _url.Task.WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>Whether the process ended within <paramref name="patience"/>.</summary>
    public async Task<bool> ExitedWithinAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public int ExitCode => _process.ExitCode;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            _url.TrySetException(new InvalidOperationException("the server ended without printing its URL:\n" + Output));
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        const string Marker = "export HH_API_URL=";
        var at = line.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            _url.TrySetResult(line[(at + Marker.Length)..].Trim());
        }
    }

    // samples/HoneyHive.LocalServer/bin/<configuration>/net10.0/, the configuration being this test's own.
    private static string SampleDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HoneyHive.Kiota.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("no HoneyHive.Kiota.sln above " + testOutput.FullName),
            "samples", "HoneyHive.LocalServer", "bin", configuration, framework, "HoneyHive.LocalServer.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build samples/HoneyHive.LocalServer first", dll);
    }
}
