namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// Asks HoneyHive.Kiota's source generator to add one-pass JSON readers to the Kiota models of the assembly it
/// is applied to: <c>[assembly: HoneyHive.Kiota.Serialization.GenerateKiotaJsonReaders]</c>.
/// </summary>
/// <remarks>
/// The generator ships with the HoneyHive.Kiota package, so it runs in every project that references it; without
/// this attribute it leaves that project's own Kiota models alone. With it, every class Kiota generated in the
/// project gets a reader that <see cref="HoneyHiveJsonParseNode"/> uses, and a model the generator cannot read
/// directly is reported as warning HHKG001. HoneyHive.Kiota applies it to itself.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class GenerateKiotaJsonReadersAttribute : Attribute
{
}
