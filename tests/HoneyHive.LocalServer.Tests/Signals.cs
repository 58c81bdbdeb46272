using System.Runtime.InteropServices;

namespace HoneyHive.LocalServer.Tests;

/// <summary>Sends a POSIX signal to a process (<see cref="System.Diagnostics.Process.Kill()"/> is SIGKILL, not a signal a program can handle).</summary>
internal static partial class Signals
{
    public const int Interrupt = 2;   // SIGINT, as Ctrl-C sends
    public const int Terminate = 15;  // SIGTERM, as a service manager or container runtime sends

    public static void Send(int processId, int signal)
    {
        if (kill(processId, signal) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
