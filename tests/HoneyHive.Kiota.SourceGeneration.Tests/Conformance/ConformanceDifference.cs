namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>One place where the library's model differs from the stock parse node's.</summary>
/// <param name="Kind">How it differs.</param>
/// <param name="Path">Where, as model properties by JSON name ($.pet.Cat.lives).</param>
/// <param name="Json">The JSON at that place.</param>
/// <param name="Stock">What Kiota's stock JsonParseNode read.</param>
/// <param name="Ours">What HoneyHiveJsonParseNode read.</param>
internal sealed record ConformanceDifference(DifferenceKind Kind, string Path, string Json, string Stock, string Ours)
{
    public override string ToString() => $"{Kind} at {Path}: JSON {Json}; stock: {Stock}; ours: {Ours}";
}
