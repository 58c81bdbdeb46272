using System.Diagnostics;

namespace HoneyHive.Kiota.Streaming;

/// <summary>
/// The kernel's own record of the process's peak resident set (<see cref="Process.PeakWorkingSet64"/>,
/// Linux's VmHWM), which unlike sampling cannot miss a short peak.
/// </summary>
internal static class PeakWorkingSet
{
    /// <summary>
    /// Resets the kernel's peak to the current resident set (Linux 4.0+: writing 5 to
    /// /proc/self/clear_refs), so the peak covers the measured phase only and not the setup.
    /// </summary>
    /// <returns>Whether the peak was reset; if not, it counts from process start.</returns>
    public static bool TryReset()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static long Read()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
