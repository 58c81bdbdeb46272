using System.Globalization;

namespace HoneyHive.Kiota.EndToEnd.Tests.Soak;

/// <summary>
/// The soak's size and seed: bounded by default so CI stays fast, larger through the environment
/// (<c>HH_SOAK_EVENTS=200000 HH_SOAK_SEED=7 dotnet test --filter Soak</c>).
/// </summary>
internal static class SoakSettings
{
    public static int Events { get; } = Read("HH_SOAK_EVENTS", 5_000);

    public static int Seed { get; } = Read("HH_SOAK_SEED", 20261130);

    /// <summary>The share of requests that get a random fault.</summary>
    public const double FaultRate = 0.1;

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
