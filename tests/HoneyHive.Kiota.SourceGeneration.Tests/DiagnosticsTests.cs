using Microsoft.CodeAnalysis;

namespace HoneyHive.Kiota.SourceGeneration.Tests;

/// <summary>Shapes the generator does not read are skipped with an Info diagnostic, never a build failure.</summary>
public class DiagnosticsTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using Microsoft.Kiota.Abstractions.Extensions;
        using Microsoft.Kiota.Abstractions.Serialization;
        namespace Shapes;
        """;

    [Theory]
    [InlineData("BytesModel", """{ "blob", n => { Blob = n.GetByteArrayValue(); } }""", "public byte[]? Blob { get; set; }", "GetByteArrayValue")]
    [InlineData("ComputedModel", """{ "size", n => { Size = n.GetIntValue() ?? 0; } }""", "public int Size { get; set; }", "does not call Kiota's IParseNode")]
    [InlineData("DurationModel", """{ "span", n => { Span = n.GetTimeSpanValue(); } }""", "public TimeSpan? Span { get; set; }", "GetTimeSpanValue")]
    public void AnUnknownShapeSkipsTheModelWithAnInfoDiagnostic(string name, string entry, string property, string reasonFragment)
    {
        var source = $$"""
            {{Usings}}
            public partial class {{name}} : IParsable
            {
                {{property}}
                public static {{name}} CreateFromDiscriminatorValue(IParseNode parseNode) => new {{name}}();
                public virtual IDictionary<string, Action<IParseNode>> GetFieldDeserializers()
                {
                    return new Dictionary<string, Action<IParseNode>>
                    {
                        {{entry}},
                    };
                }
                public virtual void Serialize(ISerializationWriter writer) { }
            }
            """;

        var (output, run) = CompilationHelper.RunGenerator(CompilationHelper.Compile([("Model.cs", source)]));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("HHKG001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Contains(name, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains(reasonFragment, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("Model.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(run.Results.Single().GeneratedSources);
        Assert.Empty(CompilationHelper.Problems(output));
    }

    [Fact]
    public void ADerivedKiotaModelIsSkippedAndItsBaseFallsBackForIt()
    {
        // Kiota's allOf: the derived model merges its base's deserializers into its own dictionary.
        var source = $$"""
            {{Usings}}
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

        Assert.Contains("Dog", Assert.Single(run.Diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var reader = Assert.Single(run.Results.Single().GeneratedSources).SourceText.ToString();
        Assert.Contains("if (GetType() != typeof(global::Shapes.Animal))", reader, StringComparison.Ordinal);
        Assert.Empty(CompilationHelper.Problems(output));
    }

    [Fact]
    public void NothingIsGeneratedWithoutTheHoneyHiveRuntime()
    {
        // A Kiota client in a compilation that does not reference HoneyHive.Kiota: not the generator's business.
        var source = $$"""
            {{Usings}}
            public partial class Plain : IParsable
            {
                public string? Name { get; set; }
                public virtual IDictionary<string, Action<IParseNode>> GetFieldDeserializers() =>
                    new Dictionary<string, Action<IParseNode>> { { "name", n => { Name = n.GetStringValue(); } } };
                public virtual void Serialize(ISerializationWriter writer) { }
            }
            """;
        var input = CompilationHelper.Compile([("Model.cs", source)]);
        input = input.RemoveReferences(input.References.Where(r => r.Display?.EndsWith("HoneyHive.Kiota.dll", StringComparison.Ordinal) == true));

        var (_, run) = CompilationHelper.RunGenerator(input);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Results.Single().GeneratedSources);
    }
}
