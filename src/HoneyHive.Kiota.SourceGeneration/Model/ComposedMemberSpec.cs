namespace HoneyHive.Kiota.SourceGeneration.Model;

/// <summary>One branch of a Kiota composed type of scalars (<c>oneOf: [string, number]</c>): the value kind its
/// factory tries, in order, and the property it fills.</summary>
/// <param name="Kind">A scalar kind.</param>
/// <param name="PropertyName">The wrapper's property for that kind.</param>
internal sealed record ComposedMemberSpec(ValueKind Kind, string PropertyName);
