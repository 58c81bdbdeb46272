using HoneyHive.Kiota.Generator.Description;

namespace HoneyHive.Kiota.Generator.Emit;

/// <summary>Emits a Kiota-style enum (members marked with <c>[EnumMember]</c>) and, beside it, the
/// reflection-free mapping to and from its wire text that the models use.</summary>
public static class EnumEmitter
{
    /// <summary>Emits the enum's file.</summary>
    /// <param name="spec">The enum.</param>
    /// <param name="modelsNamespace">The models' namespace.</param>
    /// <returns>The file's text.</returns>
    public static string Emit(EnumSpec spec, string modelsNamespace)
    {
        var w = new CodeWriter();
        FileHeader.Write(w, "System", "System.Runtime.Serialization", "System.Text.Json");
        using (w.Block($"namespace {modelsNamespace}"))
        {
            w.Summary(spec.Description ?? $"The {spec.Name} values.");
            w.Line(FileHeader.GeneratedCodeAttribute);
            using (w.Block($"public enum {spec.Name}"))
            {
                foreach (var member in spec.Members)
                {
                    w.Summary($"The wire value \"{member.WireValue}\".");
                    w.Line($"[EnumMember(Value = {Cs.Quote(member.WireValue)})]");
                    w.Line($"{member.CsName},");
                }
            }

            w.Line();
            w.Summary($"Maps {spec.Name} to and from its wire text without reflection.");
            w.Line(FileHeader.GeneratedCodeAttribute);
            using (w.Block($"public static class {spec.Name}Wire"))
            {
                w.Summary("Reads a value; unknown text (a value added by a later API version) reads as false so the caller can keep it raw.");
                w.Doc("param name=\"value\"", "The JSON value.");
                w.Doc("param name=\"result\"", "The value, or null for JSON null.");
                w.Doc("returns", "Whether the JSON value was null or a known value.");
                using (w.Block($"public static bool TryRead(JsonElement value, out {spec.Name}? result)"))
                {
                    w.Line("result = null;");
                    w.Line("if (value.ValueKind == JsonValueKind.Null) return true;");
                    w.Line("if (value.ValueKind != JsonValueKind.String) return false;");
                    foreach (var member in spec.Members)
                    {
                        w.Line($"if (value.ValueEquals({Cs.Quote(member.WireValue)}u8)) {{ result = {spec.Name}.{member.CsName}; return true; }}");
                    }

                    w.Line("return false;");
                }

                w.Line();
                w.Summary("The wire text of a value.");
                w.Doc("param name=\"value\"", "The value.");
                w.Doc("returns", "The text, or null for null.");
                using (w.Block($"public static string? ToWire({spec.Name}? value) => value switch", ";"))
                {
                    foreach (var member in spec.Members)
                    {
                        w.Line($"{spec.Name}.{member.CsName} => {Cs.Quote(member.WireValue)},");
                    }

                    w.Line("null => null,");
                    w.Line("_ => throw new ArgumentOutOfRangeException(nameof(value), value, \"not a defined value\"),");
                }
            }
        }

        return w.ToString();
    }
}
