using System.Text;
using HoneyHive.Kiota.Generator.Description;

namespace HoneyHive.Kiota.Generator.Emit;

/// <summary>
/// Emits a model: Kiota's contract (<c>IParsable</c>, <c>IAdditionalDataHolder</c>,
/// <c>CreateFromDiscriminatorValue</c>, <c>GetFieldDeserializers</c>, <c>Serialize</c>) plus a one-pass
/// <c>ReadFrom(JsonElement)</c> that the library's parse node prefers.
/// </summary>
public static class ModelEmitter
{
    private const string Reader = "global::HoneyHive.Kiota.Serialization.JsonElementReader";
    private const string FreeForm = "global::HoneyHive.Kiota.Serialization.FreeFormJson";

    /// <summary>Emits the model's file.</summary>
    /// <param name="spec">The model.</param>
    /// <param name="modelsNamespace">The models' namespace.</param>
    /// <returns>The file's text.</returns>
    public static string Emit(ModelSpec spec, string modelsNamespace)
    {
        var w = new CodeWriter();
        FileHeader.Write(w, "HoneyHive.Kiota.Serialization", "Microsoft.Kiota.Abstractions", "Microsoft.Kiota.Abstractions.Extensions",
            "Microsoft.Kiota.Abstractions.Serialization", "System", "System.Collections.Generic", "System.Text.Json", "System.Text.Json.Nodes");
        using (w.Block($"namespace {modelsNamespace}"))
        {
            w.Summary(spec.Description ?? $"The {spec.Name} model.");
            w.Line(FileHeader.GeneratedCodeAttribute);
            var baseList = spec.IsError ? "ApiException, IAdditionalDataHolder, IParsable, IJsonElementParsable" : "IAdditionalDataHolder, IParsable, IJsonElementParsable";
            using (w.Block($"public partial class {spec.Name} : {baseList}"))
            {
                // Created on first use: almost no object read from the server has any, and an empty
                // dictionary per event cost 80 bytes x 7,500 on every page.
                w.Line("private IDictionary<string, object>? _additionalData;");
                w.Line();
                w.Summary("Stores additional data not described in the OpenAPI description found when deserializing, including values of an unexpected JSON type for described properties. Can be used for serialization as well.");
                w.Line("public IDictionary<string, object> AdditionalData { get => _additionalData ??= new Dictionary<string, object>(); set => _additionalData = value; }");
                foreach (var property in spec.Properties)
                {
                    w.Line();
                    w.Summary(property.Description ?? $"The {property.JsonName} property.");
                    w.Line($"public {PropertyType(property, spec, modelsNamespace)} {property.CsName} {{ get; set; }}");
                }

                EmitFactory(w, spec, modelsNamespace);
                EmitFieldDeserializers(w, spec, modelsNamespace);
                EmitReadFrom(w, spec, modelsNamespace);
                EmitSerialize(w, spec, modelsNamespace);
            }
        }

        return w.ToString();
    }

    private static void EmitFactory(CodeWriter w, ModelSpec spec, string ns)
    {
        w.Line();
        w.Summary("Creates a new instance of the appropriate class based on discriminator value.");
        w.Doc("returns", $"A {spec.Name}.");
        w.Doc("param name=\"parseNode\"", "The parse node to use to read the discriminator value and create the object.");
        using (w.Block($"public static {Global(ns, spec.Name)} CreateFromDiscriminatorValue(IParseNode parseNode)"))
        {
            w.Line("ArgumentNullException.ThrowIfNull(parseNode);");
            w.Line($"return new {Global(ns, spec.Name)}();");
        }
    }

    private static void EmitFieldDeserializers(CodeWriter w, ModelSpec spec, string ns)
    {
        w.Line();
        w.Summary("The deserialization information for the current model, used by parse nodes other than the library's own.");
        w.Doc("returns", "A dictionary of property names to the code that reads them.");
        using (w.Block("public virtual IDictionary<string, Action<IParseNode>> GetFieldDeserializers()"))
        {
            using (w.Block("return new Dictionary<string, Action<IParseNode>>", ";"))
            {
                foreach (var p in spec.Properties)
                {
                    w.Line($"{{ {Cs.Quote(p.JsonName)}, n => {{ {p.CsName} = {StockRead(p, spec, ns)}; }} }},");
                }
            }
        }
    }

    private static string StockRead(PropertySpec p, ModelSpec spec, string ns) => p.Kind switch
    {
        PropertyKind.String => "n.GetStringValue()",
        PropertyKind.Boolean => "n.GetBoolValue()",
        PropertyKind.Int32 => "n.GetIntValue()",
        PropertyKind.Int64 => "n.GetLongValue()",
        PropertyKind.Double => "n.GetDoubleValue()",
        PropertyKind.DateTimeOffset => "n.GetDateTimeOffsetValue()",
        PropertyKind.Timestamp => $"{FreeForm}.ReadTimestamp(n)",
        PropertyKind.Enum => $"n.GetEnumValue<{Global(ns, p.TypeName!)}>()",
        PropertyKind.Object => $"n.GetObjectValue<{Global(ns, p.TypeName!)}>({Global(ns, p.TypeName!)}.CreateFromDiscriminatorValue)",
        PropertyKind.StringList => "n.GetCollectionOfPrimitiveValues<string>()?.AsList()",
        PropertyKind.ObjectList => $"n.GetCollectionOfObjectValues<{Global(ns, p.TypeName!)}>({Global(ns, p.TypeName!)}.CreateFromDiscriminatorValue)?.AsList()",
        PropertyKind.FreeForm => spec.IsInput ? $"{FreeForm}.ReadNode(n)" : $"{FreeForm}.ReadElement(n)",
        _ => throw new NotSupportedException(p.Kind.ToString()),
    };

    private static void EmitReadFrom(CodeWriter w, ModelSpec spec, string ns)
    {
        w.Line();
        w.Summary("Fills the model in one pass over a JSON object; values of an unexpected JSON type go to AdditionalData.");
        w.Doc("param name=\"element\"", "The JSON value; anything but an object leaves the model empty.");
        using (w.Block("void IJsonElementParsable.ReadFrom(JsonElement element)"))
        {
            w.Line("if (element.ValueKind != JsonValueKind.Object) return;");
            if (spec.Properties.Any(p => p.Kind == PropertyKind.FreeForm))
            {
                w.Line($"using var owned = {Reader}.OwnWhenDetaching(ref element);");
            }

            using (w.Block("foreach (var property in element.EnumerateObject())"))
            {
                using (w.Block($"if (!ReadProperty({Reader}.NameOf(property), property.Value))"))
                {
                    w.Line($"AdditionalData[property.Name] = {Reader}.Keep(property.Value);");
                }
            }
        }

        w.Line();
        w.Summary("Assigns one described property; false when the name is not described or the value does not fit its type.");
        w.Doc("param name=\"name\"", "The property's unescaped UTF-8 name.");
        w.Doc("param name=\"value\"", "The property's value.");
        w.Doc("returns", "Whether the property was assigned.");
        using (w.Block("private bool ReadProperty(ReadOnlySpan<byte> name, JsonElement value)"))
        {
            // Comparing lengths first keeps the byte comparisons to the few names of the same size.
            using (w.Block("switch (name.Length)"))
            {
                foreach (var group in spec.Properties.GroupBy(p => Encoding.UTF8.GetByteCount(p.JsonName)).OrderBy(g => g.Key))
                {
                    w.Line($"case {group.Key}:");
                    using (w.Indent())
                    {
                        foreach (var p in group)
                        {
                            using (w.Block($"if (name.SequenceEqual({Cs.Quote(p.JsonName)}u8))"))
                            {
                                EmitFastAssign(w, p, spec, ns);
                            }
                        }

                        w.Line("break;");
                    }
                }
            }

            w.Line("return false;");
        }
    }

    private static void EmitFastAssign(CodeWriter w, PropertySpec p, ModelSpec spec, string ns)
    {
        string? tryCall = p.Kind switch
        {
            PropertyKind.String => $"{Reader}.TryGetString(value, out var parsed)",
            PropertyKind.Boolean => $"{Reader}.TryGetBoolean(value, out var parsed)",
            PropertyKind.Int32 => $"{Reader}.TryGetInt32(value, out var parsed)",
            PropertyKind.Int64 => $"{Reader}.TryGetInt64(value, out var parsed)",
            PropertyKind.Double => $"{Reader}.TryGetDouble(value, out var parsed)",
            PropertyKind.DateTimeOffset => $"{Reader}.TryGetDateTimeOffset(value, out var parsed)",
            PropertyKind.Timestamp => $"{Reader}.TryGetTimestamp(value, out var parsed)",
            PropertyKind.Enum => $"{Global(ns, p.TypeName! + "Wire")}.TryRead(value, out var parsed)",
            PropertyKind.Object => $"{Reader}.TryGetObject<{Global(ns, p.TypeName!)}>(value, out var parsed)",
            PropertyKind.StringList => $"{Reader}.TryGetStringList(value, out var parsed)",
            PropertyKind.ObjectList => $"{Reader}.TryGetObjectList<{Global(ns, p.TypeName!)}>(value, out var parsed)",
            PropertyKind.FreeForm => null,
            _ => throw new NotSupportedException(p.Kind.ToString()),
        };
        if (tryCall is null)
        {
            w.Line($"{p.CsName} = {Reader}.{(spec.IsInput ? "FreeFormNode" : "FreeFormElement")}(value);");
        }
        else
        {
            w.Line($"if (!{tryCall}) return false;");
            w.Line($"{p.CsName} = parsed;");
        }

        w.Line("return true;");
    }

    private static void EmitSerialize(CodeWriter w, ModelSpec spec, string ns)
    {
        w.Line();
        w.Summary("Serializes information the current object");
        w.Doc("param name=\"writer\"", "Serialization writer to use to serialize this model");
        using (w.Block("public virtual void Serialize(ISerializationWriter writer)"))
        {
            w.Line("ArgumentNullException.ThrowIfNull(writer);");
            foreach (var p in spec.Properties)
            {
                w.Line(p.Kind switch
                {
                    PropertyKind.String => $"writer.WriteStringValue({Cs.Quote(p.JsonName)}, {p.CsName});",
                    PropertyKind.Boolean => $"writer.WriteBoolValue({Cs.Quote(p.JsonName)}, {p.CsName});",
                    PropertyKind.Int32 => $"writer.WriteIntValue({Cs.Quote(p.JsonName)}, {p.CsName});",
                    PropertyKind.Int64 => $"writer.WriteLongValue({Cs.Quote(p.JsonName)}, {p.CsName});",
                    PropertyKind.Double => $"writer.WriteDoubleValue({Cs.Quote(p.JsonName)}, {p.CsName});",
                    PropertyKind.DateTimeOffset => $"writer.WriteDateTimeOffsetValue({Cs.Quote(p.JsonName)}, {p.CsName});",
                    PropertyKind.Timestamp => $"writer.WriteTimestampValue({Cs.Quote(p.JsonName)}, {p.CsName});",
                    PropertyKind.Enum => $"writer.WriteStringValue({Cs.Quote(p.JsonName)}, {Global(ns, p.TypeName! + "Wire")}.ToWire({p.CsName}));",
                    PropertyKind.Object => $"writer.WriteObjectValue<{Global(ns, p.TypeName!)}>({Cs.Quote(p.JsonName)}, {p.CsName});",
                    PropertyKind.StringList => $"writer.WriteCollectionOfPrimitiveValues<string>({Cs.Quote(p.JsonName)}, {p.CsName});",
                    PropertyKind.ObjectList => $"writer.WriteCollectionOfObjectValues<{Global(ns, p.TypeName!)}>({Cs.Quote(p.JsonName)}, {p.CsName});",
                    PropertyKind.FreeForm => $"writer.WriteJsonValue({Cs.Quote(p.JsonName)}, {p.CsName});",
                    _ => throw new NotSupportedException(p.Kind.ToString()),
                });
            }

            w.Line("if (_additionalData != null) writer.WriteAdditionalData(_additionalData);");
        }
    }

    private static string PropertyType(PropertySpec p, ModelSpec spec, string ns) => p.Kind switch
    {
        PropertyKind.String => "string?",
        PropertyKind.Boolean => "bool?",
        PropertyKind.Int32 => "int?",
        PropertyKind.Int64 => "long?",
        PropertyKind.Double => "double?",
        PropertyKind.DateTimeOffset or PropertyKind.Timestamp => "DateTimeOffset?",
        PropertyKind.Enum or PropertyKind.Object => Global(ns, p.TypeName!) + "?",
        PropertyKind.StringList => "List<string>?",
        PropertyKind.ObjectList => $"List<{Global(ns, p.TypeName!)}>?",
        PropertyKind.FreeForm => spec.IsInput ? "JsonNode?" : "JsonElement?",
        _ => throw new NotSupportedException(p.Kind.ToString()),
    };

    /// <summary>The fully qualified name of a type in the models namespace.</summary>
    /// <param name="ns">The models namespace.</param>
    /// <param name="name">The type name.</param>
    /// <returns><c>global::</c>-qualified name.</returns>
    public static string Global(string ns, string name) => $"global::{ns}.{name}";
}
