using HoneyHive.Kiota.SourceGeneration.Helpers;

namespace HoneyHive.Kiota.SourceGeneration.Model;

/// <summary>What a Kiota composed type (<c>oneOf</c>/<c>anyOf</c>) wraps.</summary>
/// <param name="Scalars">Its scalar branches, in the order its factory tries them.</param>
/// <param name="Objects">Its model branches, in the order its <c>GetFieldDeserializers</c> consults them.</param>
/// <param name="Intersection">Whether the models are merged (<c>anyOf</c>: every branch reads the object) rather
/// than chosen (<c>oneOf</c>: the first branch the factory created reads it).</param>
/// <param name="OtherBranches">Whether its factory has branches besides scalars and models (collections).</param>
/// <param name="TryReadName">The name of the generated static scalar reader, chosen so it collides with no member.</param>
internal sealed record ComposedSpec(
    EquatableArray<ComposedMemberSpec> Scalars,
    EquatableArray<ComposedObjectSpec> Objects,
    bool Intersection,
    bool OtherBranches,
    string TryReadName);
