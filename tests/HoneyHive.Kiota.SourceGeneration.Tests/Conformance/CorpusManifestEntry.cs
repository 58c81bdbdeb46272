namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>One description inside the corpus package.</summary>
/// <param name="Name">A C# identifier: the generated client's namespace is <c>Corpus.{Name}</c>.</param>
/// <param name="File">The path inside the package's tarball.</param>
/// <param name="Ci">Whether every test run reads it (otherwise only with <c>HH_CONFORMANCE=full</c>).</param>
internal sealed record CorpusManifestEntry(string Name, string File, bool Ci);
