using System.Reflection;

namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>A model's property: its C# side, its name in JSON, and what it holds.</summary>
/// <param name="Info">The property.</param>
/// <param name="JsonName">The key of its entry in the model's <c>GetFieldDeserializers</c>.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="ValueType">Its type without Nullable; for lists, the item type (without Nullable).</param>
/// <param name="ItemsNullable">For lists: whether an item may be null (a nullable value type or a string).</param>
/// <param name="Written">Whether the model's <c>Serialize</c> writes it (Kiota does not write readOnly properties:
/// their values reach the JSON through additional data instead).</param>
internal sealed record ModelProperty(PropertyInfo Info, string JsonName, PropertyKind Kind, Type ValueType, bool ItemsNullable, bool Written);
