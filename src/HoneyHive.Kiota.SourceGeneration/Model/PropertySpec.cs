using HoneyHive.Kiota.SourceGeneration.Helpers;

namespace HoneyHive.Kiota.SourceGeneration.Model;

/// <summary>One entry of a model's <c>GetFieldDeserializers</c>: the JSON name, the C# property it assigns and how.</summary>
/// <param name="JsonName">The name on the wire.</param>
/// <param name="PropertyName">The C# property, as Kiota wrote it (empty for <see cref="ValueKind.Replay"/>).</param>
/// <param name="Kind">How the value is read.</param>
/// <param name="TypeName">For enums, lists and nested models: the fully qualified type.</param>
/// <param name="Factory">For nested models: the factory expression Kiota passed (its <c>CreateFromDiscriminatorValue</c>).</param>
/// <param name="EnumMembers">For enums that are not flags: their values, matched without reflection.</param>
/// <param name="ReplayParameter">For <see cref="ValueKind.Replay"/>: the name of the lambda's parse-node parameter.</param>
/// <param name="ReplayStatements">For <see cref="ValueKind.Replay"/>: the lambda's statements, exactly as Kiota wrote them.</param>
internal sealed record PropertySpec(
    string JsonName,
    string PropertyName,
    ValueKind Kind,
    string? TypeName,
    string? Factory,
    EquatableArray<EnumMemberSpec> EnumMembers = default,
    string? ReplayParameter = null,
    EquatableArray<string> ReplayStatements = default);
