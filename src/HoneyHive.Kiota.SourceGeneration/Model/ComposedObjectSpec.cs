namespace HoneyHive.Kiota.SourceGeneration.Model;

/// <summary>An object branch of a Kiota composed type (<c>oneOf</c>/<c>anyOf</c> with models): the wrapper's
/// property that holds it, its type and its factory.</summary>
/// <param name="PropertyName">The wrapper's property.</param>
/// <param name="TypeName">The model's fully qualified type.</param>
internal sealed record ComposedObjectSpec(string PropertyName, string TypeName);
