using System.Reflection;

namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>What the suite knows of one generated model class.</summary>
/// <param name="Type">The class.</param>
/// <param name="IsWrapper">Whether it is a composed type (oneOf/anyOf) wrapper.</param>
/// <param name="IsIntersection">For wrappers: whether its factory creates every model branch (anyOf), whose
/// properties are merged.</param>
/// <param name="HasAdditionalData">Whether it implements IAdditionalDataHolder.</param>
/// <param name="Properties">A plain model's described properties (its bases' included).</param>
/// <param name="Branches">A wrapper's branches.</param>
/// <param name="Discriminator">What its factory reads, when it reads a discriminator.</param>
internal sealed record ModelShape(
    Type Type,
    bool IsWrapper,
    bool IsIntersection,
    bool HasAdditionalData,
    IReadOnlyList<ModelProperty> Properties,
    IReadOnlyList<PropertyInfo> Branches,
    DiscriminatorMapping? Discriminator);
