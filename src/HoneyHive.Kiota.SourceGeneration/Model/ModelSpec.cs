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
/// <param name="HasAdditionalData">Whether the model implements <c>IAdditionalDataHolder</c>.</param>
/// <param name="PlainFactory">Whether <c>CreateFromDiscriminatorValue</c> only creates the model (no discriminator).</param>
/// <param name="Properties">A plain model's properties; empty for a composed type.</param>
/// <param name="ComposedMembers">A composed type of scalars' branches, in its factory's order; empty for a plain model.</param>
/// <param name="Skipped">Why no reader is emitted, when one is not.</param>
internal sealed record ModelSpec(
    string Namespace,
    EquatableArray<string> ContainingTypes,
    string Name,
    string FullName,
    string HintName,
    bool HasAdditionalData,
    bool PlainFactory,
    EquatableArray<PropertySpec> Properties,
    EquatableArray<ComposedMemberSpec> ComposedMembers,
    DiagnosticInfo? Skipped)
{
    public bool IsComposed => ComposedMembers.Length > 0;

    /// <summary>Whether another model's reader may create this one with <c>new</c> and read it directly.</summary>
    public bool ReadsDirectly => Skipped is null && (IsComposed || PlainFactory);
}
