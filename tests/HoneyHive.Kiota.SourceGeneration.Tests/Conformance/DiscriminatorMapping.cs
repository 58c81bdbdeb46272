using System.Reflection;

namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>
/// What a model's or a composed wrapper's factory does with a discriminator: the JSON property it reads and, for
/// each value it recognises, the model it creates (derived models) or the wrapper branch it sets.
/// </summary>
/// <param name="JsonName">The discriminator property (empty for a oneOf without one: Kiota then asks for "").</param>
/// <param name="Types">Value to the model the factory creates (plain models).</param>
/// <param name="Branches">Value to the branch the factory sets (composed wrappers).</param>
internal sealed record DiscriminatorMapping(string JsonName, IReadOnlyDictionary<string, Type> Types, IReadOnlyDictionary<string, PropertyInfo> Branches);
