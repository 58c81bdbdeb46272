using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HoneyHive.Kiota.SourceGeneration.Tests;

/// <summary>The generator does no work again for edits that change no model, and only the changed model's work for one that does.</summary>
public class IncrementalTests
{
    private const string Unrelated = """
        namespace App;
        public static class Greeting { public static string Text => "hello"; }
        """;

    [Fact]
    public void AnUnrelatedEditReusesEveryModelAndEmitsNothingNew()
    {
        var input = CompilationHelper.Compile([.. CompilationHelper.KiotaModels(), ("Greeting.cs", Unrelated)]);
        var driver = CompilationHelper.Driver().RunGenerators(input);

        var edited = input.ReplaceSyntaxTree(
            input.SyntaxTrees.Single(t => t.FilePath == "Greeting.cs"),
            CSharpSyntaxTree.ParseText(Unrelated.Replace("hello", "hello again", StringComparison.Ordinal), CompilationHelper.ParseOptions, path: "Greeting.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var steps = result.TrackedSteps[ModelReaderGenerator.ModelsStep].SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(steps);
        Assert.All(steps, output => Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void EditingOneModelReparsesOnlyThatModel()
    {
        var models = CompilationHelper.KiotaModels();
        var input = CompilationHelper.Compile(models);
        var driver = CompilationHelper.Driver().RunGenerators(input);

        var tree = input.SyntaxTrees.Single(t => t.FilePath == "EventFilter.cs");
        var text = tree.ToString().Replace("{ \"field\", n => { Field = n.GetStringValue(); } },", "{ \"field\", n => { Field = n.GetStringValue(); } },\n                { \"path\", n => { Field = n.GetStringValue(); } },", StringComparison.Ordinal);
        Assert.NotEqual(tree.ToString(), text);
        var result = driver.RunGenerators(input.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text, CompilationHelper.ParseOptions, path: tree.FilePath)))
            .GetRunResult().Results.Single();

        var reasons = result.TrackedSteps[ModelReaderGenerator.ModelsStep].SelectMany(step => step.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Contains("\"path\"u8", result.GeneratedSources.Single(s => s.HintName == "HoneyHive.Kiota.Models.EventFilter.JsonReader.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSpecsHoldNoSymbolsSyntaxOrCompilation()
    {
        // A spec that held a symbol would compare unequal on every compilation and defeat the caching above.
        var result = CompilationHelper.Driver().RunGenerators(CompilationHelper.Compile(CompilationHelper.KiotaModels())).GetRunResult().Results.Single();
        var specs = result.TrackedSteps[ModelReaderGenerator.ModelsStep].SelectMany(step => step.Outputs).Select(output => output.Value).ToList();

        Assert.NotEmpty(specs);
        foreach (var spec in specs)
        {
            AssertHoldsNoCompilationState(spec, spec.GetType().Name, depth: 0);
        }
    }

    private static void AssertHoldsNoCompilationState(object? value, string path, int depth)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || depth > 8)
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree, $"{path} holds a {value.GetType().Name}");
        if (value is System.Collections.IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertHoldsNoCompilationState(item, $"{path}[{i++}]", depth + 1);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertHoldsNoCompilationState(property.GetValue(value), $"{path}.{property.Name}", depth + 1);
        }
    }
}
