namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>One OpenAPI description the suite generates a client from and reads with both parse nodes.</summary>
/// <param name="Name">A C# identifier: the client's namespace is <c>Corpus.{Name}</c>.</param>
/// <param name="Origin">Where it comes from, for the figures.</param>
/// <param name="RequiresEveryReader">Whether every model must get a compile-time reader (no HHKG001): the
/// repository's own descriptions, whose shapes the generator promises to read.</param>
/// <param name="LocateAsync">The description's path on disk (fetching it first if it comes from the package).</param>
internal sealed record CorpusDescription(string Name, string Origin, bool RequiresEveryReader, Func<Task<string>> LocateAsync);
