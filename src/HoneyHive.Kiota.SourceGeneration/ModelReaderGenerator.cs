using System.Collections.Immutable;
using System.Linq;
using HoneyHive.Kiota.SourceGeneration.Helpers;
using HoneyHive.Kiota.SourceGeneration.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HoneyHive.Kiota.SourceGeneration;

/// <summary>
/// Adds to every Kiota model (a partial class Kiota marked <c>[GeneratedCode("Kiota", …)]</c> that implements
/// <c>IParsable</c>) an implementation of <c>HoneyHive.Kiota.Serialization.IJsonElementParsable</c>: one pass over
/// the JSON object's properties, names matched as UTF-8, values read straight into the properties. Kiota's own
/// path builds a dictionary of closures and a parse node per property for every object it reads.
/// </summary>
/// <remarks>
/// Only in assemblies that ask for it with <c>[assembly: HoneyHive.Kiota.Serialization.GenerateKiotaJsonReaders]</c>
/// (HoneyHive.Kiota itself does): the generator ships in the package's analyzers and would otherwise add readers to
/// the models of any other Kiota client a consumer builds.
/// The pipeline only wires the steps: <see cref="Parser"/> turns each model into a <see cref="ModelSpec"/>
/// (value-equal, no symbols), <see cref="Emitter"/> writes the source. Edits that change no model leave
/// every spec equal, so nothing is emitted again.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class ModelReaderGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the step that parses models (for incrementality tests).</summary>
    public const string ModelsStep = "Models";

    private const string GeneratedCodeAttributeName = "System.CodeDom.Compiler.GeneratedCodeAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Resolved once per compilation; every model's parse shares it.
        var known = context.CompilationProvider.Select(static (compilation, _) => new KnownSymbols(compilation));

        var models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                GeneratedCodeAttributeName,
                static (node, _) => node is ClassDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword),
                static (context, _) => IsKiota(context) ? ((ClassDeclarationSyntax)context.TargetNode, context.SemanticModel) : default)
            .Where(static target => target.Item1 is not null)
            .Combine(known)
            .Select(static (pair, cancellationToken) =>
                pair.Right.CanGenerate && pair.Right.OptedIn
                    ? new Parser(pair.Left.SemanticModel, pair.Right, cancellationToken).Parse(pair.Left.Item1)
                    : null)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(ModelsStep);

        // Which models another reader may build directly: a cross-model fact, so it is gathered once.
        var direct = models
            .Where(static spec => spec.ReadsDirectly)
            .Select(static (spec, _) => new DirectModel(spec.FullName, spec.IsScalarChoice ? spec.Composed!.TryReadName : null))
            .Collect()
            .Select(static (all, _) => new DirectModels(all.ToImmutableDictionary(m => m.FullName, m => m)));

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

    // Kiota marks every class it emits [GeneratedCode("Kiota", "<version>")].
    private static bool IsKiota(GeneratorAttributeSyntaxContext context) =>
        context.Attributes.Any(static a => a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value is "Kiota");

    /// <summary>A model other readers may read directly: created with <c>new</c>, or (for a choice of scalars)
    /// read with its static reader of the given name.</summary>
    internal sealed record DirectModel(string FullName, string? TryReadName);

    /// <summary>The directly readable models by full name, compared by content.</summary>
    private sealed class DirectModels(ImmutableDictionary<string, DirectModel> byName) : System.IEquatable<DirectModels>
    {
        public ImmutableDictionary<string, DirectModel> ByName { get; } = byName;

        public bool Equals(DirectModels? other) =>
            other is not null && other.ByName.Count == ByName.Count
            && ByName.All(pair => other.ByName.TryGetValue(pair.Key, out var model) && model == pair.Value);

        public override bool Equals(object? obj) => Equals(obj as DirectModels);

        // Order-independent, as the dictionary is.
        public override int GetHashCode() =>
            ByName.Aggregate(ByName.Count, static (hash, pair) => hash ^ pair.Value.GetHashCode());
    }
}
