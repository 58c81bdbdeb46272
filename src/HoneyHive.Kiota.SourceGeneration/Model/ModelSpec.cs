using HoneyHive.Kiota.SourceGeneration.Helpers;

namespace HoneyHive.Kiota.SourceGeneration.Model;

/// <summary>
/// What the emitter needs to know about one Kiota model, and nothing tied to a compilation (no symbols,
/// no syntax), so that an unchanged model compares equal from one run to the next and is not emitted again.
/// </summary>
/// <param name="Namespace">The model's namespace, or empty for the global namespace.</param>
/// <param name="ContainingTypes">The partial classes the model is nested in, outermost first (Kiota nests
/// the wrappers of inline composed types in their model).</param>
/// <param name="Name">The class name.</param>
/// <param name="FullName">The fully qualified name, <c>global::</c> included.</param>
/// <param name="HintName">The generated file's name.</param>
/// <param name="Usings">The using directives of the files that declare the model and its bases: the context in
/// which replayed Kiota statements bind as they do in Kiota's own file.</param>
/// <param name="ReaderName">The name of the generated per-property method, chosen so it collides with no member.</param>
/// <param name="HasAdditionalData">Whether the model implements <c>IAdditionalDataHolder</c>.</param>
/// <param name="PlainFactory">Whether <c>CreateFromDiscriminatorValue</c> only creates the model (no discriminator).</param>
/// <param name="Properties">A plain model's properties (its bases' included); empty for a composed type.</param>
/// <param name="Composed">What a composed type wraps; null for a plain model.</param>
/// <param name="Skipped">Why no reader is emitted, when one is not.</param>
internal sealed record ModelSpec(
    string Namespace,
    EquatableArray<string> ContainingTypes,
    string Name,
    string FullName,
    string HintName,
    EquatableArray<string> Usings,
    string ReaderName,
    bool HasAdditionalData,
    bool PlainFactory,
    EquatableArray<PropertySpec> Properties,
    ComposedSpec? Composed,
    DiagnosticInfo? Skipped)
{
    /// <summary>A composed type whose branches are all scalars: other readers call its <c>TryReadJson</c> method.</summary>
    public bool IsScalarChoice => Composed is { Scalars.Length: > 0, Objects.Length: 0, OtherBranches: false };

    /// <summary>Whether another model's reader may create this one with <c>new</c> and read it directly.</summary>
    public bool ReadsDirectly => Skipped is null && (IsScalarChoice || (Composed is null && PlainFactory));
}
