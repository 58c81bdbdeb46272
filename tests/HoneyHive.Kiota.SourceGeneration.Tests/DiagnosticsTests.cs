using System.Globalization;
using Microsoft.CodeAnalysis;

namespace HoneyHive.Kiota.SourceGeneration.Tests;

/// <summary>
/// Which classes get readers (Kiota's, in an assembly that asks), and the warning for a Kiota model the generator
/// cannot read directly: it still works through Kiota's field deserializers, only more slowly.
/// </summary>
public class DiagnosticsTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.Kiota.Abstractions.Extensions;
        using Microsoft.Kiota.Abstractions.Serialization;
        namespace Shapes;
        """;

    private const string Kiota = """[global::System.CodeDom.Compiler.GeneratedCode("Kiota", "1.0.0")]""";

    private static string Model(string name, string deserializers, string properties = "public string? Name { get; set; }") => $$"""
        {{Usings}}
        {{Kiota}}
        public partial class {{name}} : IParsable
        {
            {{properties}}
            public static {{name}} CreateFromDiscriminatorValue(IParseNode parseNode) => new {{name}}();
            public virtual IDictionary<string, Action<IParseNode>> GetFieldDeserializers()
            {
                {{deserializers}}
            }
            public virtual void Serialize(ISerializationWriter writer) { }
        }
        """;

    [Theory]
    [InlineData("Looped", """var all = new Dictionary<string, Action<IParseNode>>(); all["name"] = n => { Name = n.GetStringValue(); }; return all;""", "is not a dictionary of its properties")]
    [InlineData("Grouped", """return new Dictionary<string, Action<IParseNode>>(new Dictionary<string, Action<IParseNode>>()) { { "name", n => { Name = n.GetStringValue(); } } };""", "is not a dictionary of its properties")]
    [InlineData("Keyed", """const string key = "name"; return new Dictionary<string, Action<IParseNode>> { { key, n => { Name = n.GetStringValue(); } } };""", "is not a dictionary of its properties")]
    [InlineData("Named", """return new Dictionary<string, Action<IParseNode>> { { "name", json => { Name = json.GetStringValue() ?? ""; } } };""", "names its parameter 'json'")]
    public void AModelTheGeneratorCannotReadIsAWarningAndStillCompiles(string name, string deserializers, string reasonFragment)
    {
        var (output, run) = CompilationHelper.RunGenerator(CompilationHelper.Compile([("Model.cs", Model(name, deserializers))]));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("HHKG001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains(name, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains(reasonFragment, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("Model.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(run.Results.Single().GeneratedSources);
        Assert.Empty(CompilationHelper.Problems(output));
    }

    [Theory]
    [InlineData("""{ "blob", n => { Blob = n.GetByteArrayValue(); } }""", "public byte[]? Blob { get; set; }")]
    [InlineData("""{ "size", n => { Size = n.GetIntValue() ?? 0; } }""", "public int Size { get; set; }")]
    [InlineData("""{ "span", n => { Span = n.GetTimeSpanValue(); } }""", "public TimeSpan? Span { get; set; }")]
    [InlineData("""{ "day", n => Day = n.GetDateValue() }""", "public Microsoft.Kiota.Abstractions.Date? Day { get; set; }")]
    public void ACallTheGeneratorDoesNotReadItselfIsReplayedWithoutADiagnostic(string entry, string property)
    {
        var source = Model("Replayed", $$"""return new Dictionary<string, Action<IParseNode>> { {{entry}}, };""", property);

        var (output, run) = CompilationHelper.RunGenerator(CompilationHelper.Compile([("Model.cs", source)]));

        Assert.Empty(run.Diagnostics);
        var reader = Assert.Single(run.Results.Single().GeneratedSources).SourceText.ToString();
        Assert.Contains("var n = global::HoneyHive.Kiota.Serialization.JsonElementReader.NodeFor(json);", reader, StringComparison.Ordinal);
        Assert.Empty(CompilationHelper.Problems(output));
    }

    [Fact]
    public void ADerivedKiotaModelGetsAReaderForItsOwnAndItsBasesProperties()
    {
        // Kiota's allOf: the derived model merges its base's deserializers into its own dictionary.
        var source = $$"""
            {{Usings}}
            {{Kiota}}
            public partial class Animal : IParsable
            {
                public string? Name { get; set; }
                public static Animal CreateFromDiscriminatorValue(IParseNode parseNode) => new Animal();
                public virtual IDictionary<string, Action<IParseNode>> GetFieldDeserializers()
                {
                    return new Dictionary<string, Action<IParseNode>>
                    {
                        { "name", n => { Name = n.GetStringValue(); } },
                    };
                }
                public virtual void Serialize(ISerializationWriter writer) { }
            }
            {{Kiota}}
            public partial class Dog : Animal, IParsable
            {
                public bool? Good { get; set; }
                public override IDictionary<string, Action<IParseNode>> GetFieldDeserializers()
                {
                    return new Dictionary<string, Action<IParseNode>>(base.GetFieldDeserializers())
                    {
                        { "good", n => { Good = n.GetBoolValue(); } },
                    };
                }
            }
            """;

        var (output, run) = CompilationHelper.RunGenerator(CompilationHelper.Compile([("Model.cs", source)]));

        Assert.Empty(run.Diagnostics);
        var dog = run.Results.Single().GeneratedSources.Single(s => s.HintName == "Shapes.Dog.JsonReader.g.cs").SourceText.ToString();
        Assert.Contains("\"name\"u8", dog, StringComparison.Ordinal);
        Assert.Contains("\"good\"u8", dog, StringComparison.Ordinal);
        Assert.Empty(CompilationHelper.Problems(output));
    }

    [Fact]
    public void AGeneratedMemberNameThatIsTakenIsNotReused()
    {
        var source = Model(
            "Clashing",
            """return new Dictionary<string, Action<IParseNode>> { { "read_json_property", n => { ReadJsonProperty = n.GetStringValue(); } } };""",
            "public string? ReadJsonProperty { get; set; }");

        var (output, run) = CompilationHelper.RunGenerator(CompilationHelper.Compile([("Model.cs", source)]));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("private bool ReadJsonProperty1(", Assert.Single(run.Results.Single().GeneratedSources).SourceText.ToString(), StringComparison.Ordinal);
        Assert.Empty(CompilationHelper.Problems(output));
    }

    [Fact]
    public void AModelWithoutPropertiesGetsAReaderThatCompilesWithoutWarnings()
    {
        // Kiota's "type: object" with no properties (or only additionalProperties): an empty dictionary.
        var source = Model("Empty", """return new Dictionary<string, Action<IParseNode>> { };""", "public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();")
            .Replace(": IParsable", ": IAdditionalDataHolder, IParsable", StringComparison.Ordinal);

        var (output, run) = CompilationHelper.RunGenerator(CompilationHelper.Compile([("Model.cs", source)]));

        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain("switch", Assert.Single(run.Results.Single().GeneratedSources).SourceText.ToString(), StringComparison.Ordinal);
        Assert.Empty(CompilationHelper.Problems(output));
    }

    [Fact]
    public void AnAssemblyThatDoesNotAskGetsNoReaders()
    {
        // A consumer's own Kiota client, in a project that references HoneyHive.Kiota but did not opt in.
        var input = CompilationHelper.Compile([("Model.cs", Model("Theirs", """return new Dictionary<string, Action<IParseNode>> { { "name", n => { Name = n.GetStringValue(); } } };"""))], optIn: false);

        var (output, run) = CompilationHelper.RunGenerator(input);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Results.Single().GeneratedSources);
        Assert.Empty(CompilationHelper.Problems(output));
    }

    [Fact]
    public void AClassKiotaDidNotGenerateGetsNoReader()
    {
        var source = Model("Handmade", """return new Dictionary<string, Action<IParseNode>> { { "name", n => { Name = n.GetStringValue(); } } };""")
            .Replace(Kiota, """[global::System.CodeDom.Compiler.GeneratedCode("NSwag", "14.0.0")]""", StringComparison.Ordinal);

        var (_, run) = CompilationHelper.RunGenerator(CompilationHelper.Compile([("Model.cs", source)]));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Results.Single().GeneratedSources);
    }

    [Fact]
    public void NothingIsGeneratedWithoutTheHoneyHiveRuntime()
    {
        // A Kiota client in a compilation that does not reference HoneyHive.Kiota: not the generator's business.
        var input = CompilationHelper.Compile([("Model.cs", Model("Plain", """return new Dictionary<string, Action<IParseNode>> { { "name", n => { Name = n.GetStringValue(); } } };"""))], optIn: false);
        input = input.RemoveReferences(input.References.Where(r => r.Display?.EndsWith("HoneyHive.Kiota.dll", StringComparison.Ordinal) == true));

        var (_, run) = CompilationHelper.RunGenerator(input);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Results.Single().GeneratedSources);
    }
}
