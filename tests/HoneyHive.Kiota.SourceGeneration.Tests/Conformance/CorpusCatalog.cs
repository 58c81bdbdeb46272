using System.Globalization;
using System.Text;

namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>The descriptions a run covers: the repository's own two always; the manifest's CI subset unless
/// offline, all of it with <c>HH_CONFORMANCE=full</c>; and every *.json in <c>HH_CORPUS_DIR</c>.</summary>
internal static class CorpusCatalog
{
    public static string ConformanceDirectory => Path.Combine(RepositoryRoot(), "tests", "HoneyHive.Kiota.SourceGeneration.Tests", "Conformance");

    public static IReadOnlyList<CorpusDescription> Descriptions(ConformanceSettings settings)
    {
        var root = RepositoryRoot();
        var list = new List<CorpusDescription>
        {
            Local("Shapes", "Conformance/shapes.json (every shape Kiota 1.38 emits for C#)", Path.Combine(ConformanceDirectory, "shapes.json"), requiresEveryReader: true),
            Local("HoneyHiveEvents", "openapi/honeyhive-events.json (this repository)", Path.Combine(root, "openapi", "honeyhive-events.json"), requiresEveryReader: true),
        };

        if (!settings.Offline)
        {
            var manifest = CorpusManifest.Load(Path.Combine(ConformanceDirectory, "corpus.json"));
            foreach (var entry in manifest.Descriptions.Where(d => d.Ci || settings.Full))
            {
                list.Add(new CorpusDescription(entry.Name, $"{manifest.Spec} {entry.File}", false, () => CorpusPackage.ExtractAsync(manifest, entry, settings.CacheDirectory)));
            }
        }

        if (settings.CorpusDirectory is { } directory)
        {
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"HH_CORPUS_DIR names '{directory}', which does not exist");
            }

            foreach (var path in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
            {
                list.Add(Local("Local" + Identifier(Path.GetFileNameWithoutExtension(path)), $"HH_CORPUS_DIR {Path.GetFileName(path)}", path, requiresEveryReader: false));
            }
        }

        return list;
    }

    private static CorpusDescription Local(string name, string origin, string path, bool requiresEveryReader) =>
        new(name, origin, requiresEveryReader, () => File.Exists(path) ? Task.FromResult(path) : throw new FileNotFoundException($"The description {path} is missing", path));

    // "honeyhive-openapi.v2" -> "HoneyhiveOpenapiV2"
    private static string Identifier(string text)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpper(c, CultureInfo.InvariantCulture) : c);
            upper = false;
        }

        return builder.ToString();
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HoneyHive.Kiota.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (HoneyHive.Kiota.sln) was not found above " + AppContext.BaseDirectory);
    }
}
