using System.Globalization;

namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>
/// What a run covers, from the environment:
/// <c>HH_CONFORMANCE</c> (unset: the CI subset; <c>full</c>: every description of the manifest and more cases;
/// <c>offline</c>: no package download, the committed descriptions only), <c>HH_CONFORMANCE_SEED</c> (the random
/// seed), <c>HH_CORPUS_DIR</c> (a folder whose *.json descriptions run too) and <c>HH_CORPUS_CACHE</c> (where the
/// package is kept; by default $XDG_CACHE_HOME or ~/.cache, under honeyhive-kiota-corpus).
/// </summary>
internal sealed record ConformanceSettings(bool Full, bool Offline, int Seed, int InstancesPerModel, int MutationsPerModel, string? CorpusDirectory, string CacheDirectory)
{
    /// <summary>The seed when none is given: fixed, so every run reads the same cases.</summary>
    public const int DefaultSeed = 20250515;

    public static ConformanceSettings FromEnvironment()
    {
        var mode = Environment.GetEnvironmentVariable("HH_CONFORMANCE")?.Trim().ToLowerInvariant();
        if (mode is not (null or "" or "ci" or "full" or "offline"))
        {
            throw new InvalidOperationException($"HH_CONFORMANCE is '{mode}': use 'full', 'offline' or leave it unset");
        }

        var seedText = Environment.GetEnvironmentVariable("HH_CONFORMANCE_SEED");
        var seed = string.IsNullOrWhiteSpace(seedText) ? DefaultSeed : int.Parse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture);
        var full = mode == "full";
        var cacheRoot = Environment.GetEnvironmentVariable("HH_CORPUS_CACHE") is { Length: > 0 } explicitCache
            ? explicitCache
            : Path.Combine(
                Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
                "honeyhive-kiota-corpus");
        var corpusDirectory = Environment.GetEnvironmentVariable("HH_CORPUS_DIR");
        return new ConformanceSettings(
            full,
            mode == "offline",
            seed,
            InstancesPerModel: full ? 20 : 5,
            MutationsPerModel: full ? 12 : 4,
            string.IsNullOrWhiteSpace(corpusDirectory) ? null : corpusDirectory,
            cacheRoot);
    }

    public override string ToString() =>
        $"mode {(Full ? "full" : Offline ? "offline" : "ci")}, seed {Seed} (HH_CONFORMANCE_SEED), {InstancesPerModel} instances and {MutationsPerModel} mutations per model";
}
