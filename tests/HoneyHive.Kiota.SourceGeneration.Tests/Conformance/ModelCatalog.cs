using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>
/// The models of a generated client and what the suite needs to know about each: its properties' JSON names
/// (the keys of Kiota's <c>GetFieldDeserializers</c> entries), which of them Kiota writes, and what its factory
/// does with a discriminator. Names and candidate discriminator values are read from Kiota's source; which model or
/// branch a value selects is asked of the factory itself, through Kiota's stock parse node.
/// </summary>
internal sealed class ModelCatalog
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<Type, ModelShape> _shapes = new();

    public ModelCatalog(Assembly assembly, Compilation compilation)
    {
        _compilation = compilation;
        Models = assembly.GetTypes()
            .Where(IsModel)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Public non-abstract classes implementing IParsable with a static CreateFromDiscriminatorValue(IParseNode).</summary>
    public IReadOnlyList<Type> Models { get; }

    public static bool IsModel(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsGenericType: false }
        && (type.IsPublic || type.IsNestedPublic)
        && typeof(IParsable).IsAssignableFrom(type)
        && FactoryMethod(type) is not null;

    public static MethodInfo? FactoryMethod(Type type) =>
        type.GetMethod("CreateFromDiscriminatorValue", BindingFlags.Public | BindingFlags.Static, [typeof(IParseNode)]);

    public static bool IsWrapper(Type type) => typeof(IComposedTypeWrapper).IsAssignableFrom(type);

    /// <summary>Runs the model's factory over a stock parse node.</summary>
    public static object Create(Type type, IParseNode node) => FactoryMethod(type)!.Invoke(null, [node])!;

    public ModelShape Shape(Type type) => _shapes.GetOrAdd(type, Describe);

    /// <summary>What a property of type <paramref name="type"/> holds.</summary>
    public static (PropertyKind Kind, Type ValueType, bool ItemsNullable) Classify(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (typeof(UntypedNode).IsAssignableFrom(plain))
        {
            return (PropertyKind.Untyped, plain, false);
        }

        if (IsWrapper(plain))
        {
            return (PropertyKind.Wrapper, plain, false);
        }

        if (typeof(IParsable).IsAssignableFrom(plain))
        {
            return (PropertyKind.Model, plain, false);
        }

        if (plain.IsGenericType && plain.GetGenericTypeDefinition() == typeof(List<>))
        {
            var item = plain.GetGenericArguments()[0];
            var itemPlain = Nullable.GetUnderlyingType(item) ?? item;
            return (PropertyKind.List, itemPlain, Nullable.GetUnderlyingType(item) is not null || item == typeof(string));
        }

        return (plain.IsEnum ? PropertyKind.Enum : PropertyKind.Scalar, plain, false);
    }

    private ModelShape Describe(Type type)
    {
        var symbol = _compilation.GetTypeByMetadataName(type.FullName!)
            ?? throw new InvalidOperationException($"{type.FullName} is not in the compilation");
        var discriminator = Discriminator(type, symbol);
        var hasAdditionalData = typeof(IAdditionalDataHolder).IsAssignableFrom(type);
        if (IsWrapper(type))
        {
            // A wrapper may keep additional data too (Stripe's); that dictionary is not a branch.
            var branches = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && !(p.Name == nameof(IAdditionalDataHolder.AdditionalData) && hasAdditionalData))
                .ToList();

            // Kiota's anyOf factory creates every model branch up front and merges their deserializers.
            var created = TryCreate(type, "{}") is { } empty ? branches.Count(b => b.GetValue(empty) is not null) : 0;
            return new ModelShape(type, true, created > 1, hasAdditionalData, [], branches, discriminator);
        }

        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var written = new HashSet<string>(StringComparer.Ordinal);
        for (var current = symbol; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var method in Methods(current, "GetFieldDeserializers"))
            {
                foreach (var (json, property) in DeserializerEntries(method))
                {
                    entries.TryAdd(property, json);
                }
            }

            foreach (var method in Methods(current, "Serialize"))
            {
                foreach (var key in WrittenKeys(method))
                {
                    written.Add(key);
                }
            }
        }

        var properties = new List<ModelProperty>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.CanWrite && property.GetIndexParameters().Length == 0 && entries.TryGetValue(property.Name, out var json))
            {
                var (kind, valueType, itemsNullable) = Classify(property.PropertyType);
                properties.Add(new ModelProperty(property, json, kind, valueType, itemsNullable, written.Contains(json)));
            }
        }

        return new ModelShape(type, false, false, hasAdditionalData, properties.OrderBy(p => p.JsonName, StringComparer.Ordinal).ToList(), [], discriminator);
    }

    // The factory's GetChildNode("…") names the discriminator; the other string literals in it are the values it
    // may compare with. Each is tried through the stock parse node to learn what it selects.
    private static DiscriminatorMapping? Discriminator(Type type, INamedTypeSymbol symbol)
    {
        var factory = Methods(symbol, "CreateFromDiscriminatorValue").FirstOrDefault();
        var child = factory?.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "GetChildNode" });
        if (factory is null || child?.ArgumentList.Arguments.FirstOrDefault()?.Expression is not LiteralExpressionSyntax { Token.Value: string name })
        {
            return null;
        }

        var candidates = factory.DescendantNodes().OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression) && l.Parent?.Parent != child.ArgumentList)
            .Select(l => (string)l.Token.Value!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        var branches = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        foreach (var value in candidates)
        {
            var created = TryCreate(type, JsonSerializer.Serialize(new Dictionary<string, string> { [name] = value }));
            if (created is null)
            {
                continue;
            }

            if (IsWrapper(type))
            {
                if (type.GetProperties().FirstOrDefault(p => p.CanWrite && p.GetValue(created) is IParsable) is { } branch)
                {
                    branches[value] = branch;
                }
            }
            else if (created.GetType() != type)
            {
                types[value] = created.GetType();
            }
        }

        return types.Count + branches.Count == 0 ? null : new DiscriminatorMapping(name, types, branches);
    }

    // The factory over a stock node; null when it throws (a wrapper with an enum branch asks an object for a string).
    private static object? TryCreate(Type type, string json)
    {
        try
        {
            return Create(type, new JsonParseNode(JsonDocument.Parse(json).RootElement));
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    private static IEnumerable<MethodDeclarationSyntax> Methods(INamedTypeSymbol symbol, string name) =>
        symbol.GetMembers(name).OfType<IMethodSymbol>()
            .SelectMany(m => m.DeclaringSyntaxReferences)
            .Select(r => r.GetSyntax())
            .OfType<MethodDeclarationSyntax>();

    // { "json_name", n => { Property = n.Get…(); } }
    private static IEnumerable<(string Json, string Property)> DeserializerEntries(MethodDeclarationSyntax method)
    {
        foreach (var entry in method.DescendantNodes().OfType<InitializerExpressionSyntax>().Where(i => i.IsKind(SyntaxKind.ComplexElementInitializerExpression)))
        {
            if (entry.Expressions is [LiteralExpressionSyntax { Token.Value: string json }, LambdaExpressionSyntax lambda]
                && lambda.DescendantNodes().OfType<AssignmentExpressionSyntax>().FirstOrDefault()?.Left is IdentifierNameSyntax property)
            {
                yield return (json, property.Identifier.Text);
            }
        }
    }

    // writer.Write…("json_name", …)
    private static IEnumerable<string> WrittenKeys(MethodDeclarationSyntax method) =>
        method.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "writer" } })
            .Select(i => i.ArgumentList.Arguments.FirstOrDefault()?.Expression)
            .OfType<LiteralExpressionSyntax>()
            .Where(l => l.Token.Value is string)
            .Select(l => (string)l.Token.Value!);
}
