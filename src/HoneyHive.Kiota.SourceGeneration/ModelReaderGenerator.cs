using System.Collections.Immutable;
using System.Linq;
using HoneyHive.Kiota.SourceGeneration.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HoneyHive.Kiota.SourceGeneration;

/// <summary>
/// Adds to every Kiota model (a partial class implementing <c>IParsable</c> with a <c>GetFieldDeserializers</c>)
/// an implementation of <c>HoneyHive.Kiota.Serialization.IJsonElementParsable</c>: one pass over the JSON
/// object's properties, names matched as UTF-8, values read straight into the properties. Kiota's own path
/// builds a dictionary of closures and a parse node per property for every object it reads.
/// </summary>
/// <remarks>
/// The pipeline only wires the steps: <see cref="Parser"/> turns each model into a <see cref="ModelSpec"/>
/// (value-equal, no symbols), <see cref="Emitter"/> writes the source. Edits that change no model leave
/// every spec equal, so nothing is emitted again.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class ModelReaderGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the step that parses models (for incrementality tests).</summary>
    public const string ModelsStep = "Models";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var models = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is ClassDeclarationSyntax declaration
                    && declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
                    && declaration.Members.Any(static m => m is MethodDeclarationSyntax { Identifier.Text: "GetFieldDeserializers" }),
                static (context, cancellationToken) => new Parser(context.SemanticModel, cancellationToken).Parse((ClassDeclarationSyntax)context.Node))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(ModelsStep);

        // Which models another reader may build directly: a cross-model fact, so it is gathered once.
        var direct = models
            .Where(static spec => spec.ReadsDirectly)
            .Select(static (spec, _) => (spec.FullName, spec.IsComposed))
            .Collect()
            .Select(static (all, _) => new DirectModels(all.ToImmutableDictionary(m => m.FullName, m => m.IsComposed)));

        context.RegisterSourceOutput(models.Combine(direct), static (output, pair) =>
        {
            var (model, directModels) = pair;
            if (model.Skipped is { } skipped)
            {
                output.ReportDiagnostic(skipped.ToDiagnostic());
                return;
            }

            if (Emitter.Emit(model, directModels.ByName) is { } source)
            {
                output.AddSource(model.HintName, source);
            }
        });
    }

    /// <summary>The directly readable models by full name (true for composed types), compared by content.</summary>
    private sealed class DirectModels(ImmutableDictionary<string, bool> byName) : System.IEquatable<DirectModels>
    {
        public ImmutableDictionary<string, bool> ByName { get; } = byName;

        public bool Equals(DirectModels? other) =>
            other is not null && other.ByName.Count == ByName.Count && ByName.All(pair => other.ByName.TryGetValue(pair.Key, out var composed) && composed == pair.Value);

        public override bool Equals(object? obj) => Equals(obj as DirectModels);

        public override int GetHashCode() => ByName.Count;
    }
}
