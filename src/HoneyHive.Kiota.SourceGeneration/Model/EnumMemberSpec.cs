namespace HoneyHive.Kiota.SourceGeneration.Model;

/// <summary>One value of a Kiota enum: its name on the wire (Kiota's <c>[EnumMember(Value = …)]</c>) and in C#.</summary>
/// <param name="WireName">The JSON string.</param>
/// <param name="MemberName">The C# member.</param>
internal sealed record EnumMemberSpec(string WireName, string MemberName);
