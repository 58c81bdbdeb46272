using System.Text.Json;

namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>
/// Conformance/corpus.json: the npm package that bundles the third-party descriptions, its pinned integrity,
/// and the files of it the suite reads. Only names are committed; the descriptions are fetched at test time.
/// </summary>
internal sealed record CorpusManifest(string Package, string Version, string Integrity, IReadOnlyList<CorpusManifestEntry> Descriptions)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The package as npm names it (<c>name@version</c>).</summary>
    public string Spec => $"{Package}@{Version}";

    public static CorpusManifest Load(string path)
    {
        var manifest = JsonSerializer.Deserialize<CorpusManifest>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"{path} is empty");
        if (string.IsNullOrEmpty(manifest.Package) || string.IsNullOrEmpty(manifest.Version) || !manifest.Integrity.StartsWith("sha512-", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path} must name a package, a version and a sha512 integrity");
        }

        return manifest;
    }
}
