using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using HoneyHive.Kiota.SourceGeneration.Helpers;
using HoneyHive.Kiota.SourceGeneration.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HoneyHive.Kiota.SourceGeneration;

public sealed partial class ModelReaderGenerator
{
    /// <summary>
    /// Turns a Kiota model's declaration into a <see cref="ModelSpec"/>, reading what Kiota emitted: the entries
    /// of <c>GetFieldDeserializers</c> (JSON name, property, parse-node call) and, for a composed type of
    /// scalars, the branches of <c>CreateFromDiscriminatorValue</c>. The readers are derived from that code, so
    /// they cannot drift from the models; any shape not listed here is reported and left to Kiota's path.
    /// </summary>
    internal sealed class Parser(SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        private const string ParsableName = "Microsoft.Kiota.Abstractions.Serialization.IParsable";
        private const string ParseNodeName = "Microsoft.Kiota.Abstractions.Serialization.IParseNode";
        private const string AdditionalDataHolderName = "Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder";
        private const string ComposedTypeWrapperName = "Microsoft.Kiota.Abstractions.Serialization.IComposedTypeWrapper";
        private const string UntypedNodeName = "Microsoft.Kiota.Abstractions.Serialization.UntypedNode";

        /// <summary>The runtime the readers call into; without it in the compilation nothing is generated.</summary>
        public const string JsonElementParsableName = "HoneyHive.Kiota.Serialization.IJsonElementParsable";

        private static readonly Dictionary<string, ValueKind> ScalarGetters = new()
        {
            ["GetStringValue"] = ValueKind.String,
            ["GetBoolValue"] = ValueKind.Boolean,
            ["GetIntValue"] = ValueKind.Int32,
            ["GetLongValue"] = ValueKind.Int64,
            ["GetDoubleValue"] = ValueKind.Double,
            ["GetFloatValue"] = ValueKind.Single,
            ["GetDecimalValue"] = ValueKind.Decimal,
            ["GetGuidValue"] = ValueKind.Guid,
            ["GetDateTimeOffsetValue"] = ValueKind.DateTimeOffset,
        };

        private readonly Compilation _compilation = semanticModel.Compilation;

        /// <summary>The model's spec, or null when the class is not a Kiota model this generator is for.</summary>
        public ModelSpec? Parse(ClassDeclarationSyntax declaration)
        {
            if (semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type
                || _compilation.GetTypeByMetadataName(JsonElementParsableName) is not { } readerInterface
                || !Implements(type, ParsableName)
                || FindMethod(declaration, "GetFieldDeserializers") is not { } deserializers)
            {
                return null;
            }

            // A model someone already reads by hand (or a partial declared twice) is left alone.
            if (type.AllInterfaces.Contains(readerInterface, SymbolEqualityComparer.Default))
            {
                return null;
            }

            var fullName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var ns = type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString();
            var containing = ContainingTypes(type);
            var containingTypes = new EquatableArray<string>(containing ?? ImmutableArray<string>.Empty);
            var hintName = string.Join(".", new[] { ns }.Concat(containingTypes).Concat(new[] { type.Name }).Where(part => part.Length > 0)) + ".JsonReader.g.cs";
            var location = declaration.Identifier.GetLocation();
            ModelSpec Skip(string reason) => new(
                ns, containingTypes, type.Name, fullName, hintName, false, false, default, default,
                DiagnosticInfo.Create(DiagnosticDescriptors.ModelSkipped, location, type.Name, reason));

            // Kiota nests the wrappers of inline composed types in their model's (partial) class.
            if (containing is null || type.IsGenericType)
            {
                return Skip("generic classes, and classes nested in types that are not partial classes, are not Kiota models");
            }

            if (((CSharpParseOptions)declaration.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp11)
            {
                return Skip("the readers need C# 11 (UTF-8 string literals)");
            }

            var factory = FindMethod(declaration, "CreateFromDiscriminatorValue");
            if (Implements(type, ComposedTypeWrapperName))
            {
                return ParseComposed(factory, deserializers) is { } members
                    ? new ModelSpec(ns, containingTypes, type.Name, fullName, hintName, false, false, default, new EquatableArray<ComposedMemberSpec>(members), null)
                    : Skip("a composed type other than a choice of scalars");
            }

            var properties = ImmutableArray.CreateBuilder<PropertySpec>();
            if (DictionaryEntries(deserializers) is not { } entries)
            {
                return Skip("GetFieldDeserializers is not a plain dictionary of its own properties (a derived model?)");
            }

            foreach (var entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (property, reason) = ParseEntry(entry);
                if (property is null)
                {
                    return Skip(reason!);
                }

                properties.Add(property);
            }

            return new ModelSpec(
                ns,
                containingTypes,
                type.Name,
                fullName,
                hintName,
                Implements(type, AdditionalDataHolderName),
                factory is not null && IsPlainFactory(factory),
                new EquatableArray<PropertySpec>(properties.ToImmutable()),
                default,
                null);
        }

        // The names of the classes the type is nested in, outermost first; null when one of them is not a
        // partial class (the reader could not be added inside it).
        private static ImmutableArray<string>? ContainingTypes(INamedTypeSymbol type)
        {
            var names = ImmutableArray.CreateBuilder<string>();
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                var partial = outer.TypeKind == TypeKind.Class && !outer.IsGenericType && outer.DeclaringSyntaxReferences.All(reference =>
                    reference.GetSyntax() is ClassDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
                if (!partial)
                {
                    return null;
                }

                names.Insert(0, outer.Name);
            }

            return names.ToImmutable();
        }

        // The { "json_name", n => { Property = n.GetXValue(); } } elements of "return new Dictionary<…> { … };",
        // or null when the method is anything else (Kiota's derived models pass the base's dictionary in).
        private static IReadOnlyList<InitializerExpressionSyntax>? DictionaryEntries(MethodDeclarationSyntax method)
        {
            var returned = method.Body?.Statements.Count == 1 && method.Body.Statements[0] is ReturnStatementSyntax ret
                ? ret.Expression
                : method.ExpressionBody?.Expression;
            if (returned is not ObjectCreationExpressionSyntax creation || creation.ArgumentList?.Arguments.Count > 0)
            {
                return null;
            }

            var elements = creation.Initializer?.Expressions ?? default;
            var entries = new List<InitializerExpressionSyntax>(elements.Count);
            foreach (var element in elements)
            {
                if (element is not InitializerExpressionSyntax { Expressions.Count: 2 } pair)
                {
                    return null;
                }

                entries.Add(pair);
            }

            return entries;
        }

        private (PropertySpec? Property, string? Reason) ParseEntry(InitializerExpressionSyntax entry)
        {
            if (entry.Expressions[0] is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } key)
            {
                return (null, "a field deserializer keyed by something other than a string literal");
            }

            var jsonName = key.Token.ValueText;
            var assignment = entry.Expressions[1] switch
            {
                SimpleLambdaExpressionSyntax { Block: { } block } => Single(block) is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax a } ? a : null,
                SimpleLambdaExpressionSyntax { ExpressionBody: AssignmentExpressionSyntax a } => a,
                _ => null,
            };
            if (assignment is null || assignment.Kind() != SyntaxKind.SimpleAssignmentExpression)
            {
                return (null, $"the deserializer of \"{jsonName}\" is not a single property assignment");
            }

            var propertyName = assignment.Left switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.Text,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.Text,
                _ => null,
            };
            if (propertyName is null)
            {
                return (null, $"the deserializer of \"{jsonName}\" assigns something other than a property");
            }

            var value = assignment.Right;
            var isList = false;
            if (value is ConditionalAccessExpressionSyntax access)
            {
                // Kiota's "n.GetCollectionOf…<T>()?.AsList()".
                if (access.WhenNotNull is not InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax { Name.Identifier.Text: "AsList" or "ToList" } })
                {
                    return (null, $"the deserializer of \"{jsonName}\" converts a collection in a way the generator does not know");
                }

                value = access.Expression;
                isList = true;
            }

            if (value is not InvocationExpressionSyntax invocation
                || semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || !IsParseNodeMember(method))
            {
                return (null, $"the deserializer of \"{jsonName}\" does not call Kiota's IParseNode");
            }

            var typeArgument = method.TypeArguments.Length == 1 ? method.TypeArguments[0] : null;
            var typeName = typeArgument?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            PropertySpec Spec(ValueKind kind, string? type = null, string? factory = null, EquatableArray<EnumMemberSpec> members = default) =>
                new(jsonName, propertyName, kind, type, factory, members);
            (PropertySpec?, string?) Unsupported() => (null, $"\"{jsonName}\" is read with {method.Name}{(typeArgument is null ? string.Empty : "<" + typeArgument.Name + ">")}, which the generator does not read");

            switch (method.Name)
            {
                case var scalar when !isList && ScalarGetters.TryGetValue(scalar, out var kind):
                    return (Spec(kind), null);
                case "GetEnumValue" when !isList && typeArgument is { TypeKind: TypeKind.Enum }:
                    return (Spec(ValueKind.Enum, typeName, members: EnumMembers(typeArgument)), null);
                case "GetCollectionOfPrimitiveValues" when isList && typeArgument?.SpecialType == SpecialType.System_String:
                    return (Spec(ValueKind.StringList), null);
                case "GetCollectionOfPrimitiveValues" when isList && typeArgument is not null:
                    return (Spec(ValueKind.PrimitiveList, typeName), null);
                case "GetCollectionOfEnumValues" when isList && typeArgument is { TypeKind: TypeKind.Enum }:
                    return (Spec(ValueKind.EnumList, typeName), null);
                case "GetObjectValue" when !isList && typeArgument is not null:
                    if (typeArgument.ToDisplayString() == UntypedNodeName)
                    {
                        return (Spec(ValueKind.Untyped), null);
                    }

                    return FactoryOf(invocation, typeArgument) is { } objectFactory
                        ? (Spec(ValueKind.Object, typeName, objectFactory), null)
                        : Unsupported();
                case "GetCollectionOfObjectValues" when isList && typeArgument is not null && typeArgument.ToDisplayString() != UntypedNodeName:
                    return FactoryOf(invocation, typeArgument) is { } listFactory
                        ? (Spec(ValueKind.ObjectList, typeName, listFactory), null)
                        : Unsupported();
                default:
                    return Unsupported();
            }
        }

        // A plain enum's values with their wire names, as Kiota reads them (the EnumMember value, else the
        // name); none for a flags enum, whose comma-separated values the runtime reads.
        private static EquatableArray<EnumMemberSpec> EnumMembers(ITypeSymbol type)
        {
            if (type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute"))
            {
                return default;
            }

            var members = ImmutableArray.CreateBuilder<EnumMemberSpec>();
            foreach (var field in type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
            {
                var wireName = field.GetAttributes()
                    .Where(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.Serialization.EnumMemberAttribute")
                    .SelectMany(a => a.NamedArguments)
                    .Where(argument => argument.Key == "Value")
                    .Select(argument => argument.Value.Value as string)
                    .FirstOrDefault() ?? field.Name;
                members.Add(new EnumMemberSpec(wireName, field.Name));
            }

            return new EquatableArray<EnumMemberSpec>(members.ToImmutable());
        }

        // The factory argument, when it is the model's own CreateFromDiscriminatorValue (as Kiota always emits).
        private string? FactoryOf(InvocationExpressionSyntax invocation, ITypeSymbol model)
        {
            if (invocation.ArgumentList.Arguments.Count != 1
                || semanticModel.GetSymbolInfo(invocation.ArgumentList.Arguments[0].Expression, cancellationToken).Symbol is not IMethodSymbol { Name: "CreateFromDiscriminatorValue", IsStatic: true } factory
                || !SymbolEqualityComparer.Default.Equals(factory.ContainingType, model))
            {
                return null;
            }

            return model.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ".CreateFromDiscriminatorValue";
        }

        // Kiota's composed type of scalars: "if(parseNode.GetDoubleValue() is double doubleValue) { result.Double = doubleValue; }
        // else if(parseNode.GetStringValue() is string stringValue) { … }", and an empty GetFieldDeserializers.
        private ImmutableArray<ComposedMemberSpec>? ParseComposed(MethodDeclarationSyntax? factory, MethodDeclarationSyntax deserializers)
        {
            if (factory?.Body is null || DictionaryEntries(deserializers) is not { Count: 0 })
            {
                return null;
            }

            var members = ImmutableArray.CreateBuilder<ComposedMemberSpec>();
            var branch = factory.Body.Statements.OfType<IfStatementSyntax>().FirstOrDefault(statement => !IsGuard(statement));
            while (branch is not null)
            {
                if (branch.Condition is not IsPatternExpressionSyntax { Expression: InvocationExpressionSyntax call, Pattern: DeclarationPatternSyntax }
                    || semanticModel.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol getter
                    || !IsParseNodeMember(getter)
                    || !ScalarGetters.TryGetValue(getter.Name, out var kind)
                    || AssignedMember(branch.Statement) is not { } property)
                {
                    return null;
                }

                members.Add(new ComposedMemberSpec(kind, property));
                branch = branch.Else?.Statement as IfStatementSyntax;
            }

            return members.Count > 0 ? members.ToImmutable() : null;
        }

        // "result.Property = value;" as the branch's only statement.
        private static string? AssignedMember(StatementSyntax statement) =>
            (statement is BlockSyntax block ? Single(block) : statement) is ExpressionStatementSyntax
            {
                Expression: AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } }
            }
                ? name.Identifier.Text
                : null;

        // "if (parseNode is null) throw …;" guards, then "return new Model();": no discriminator to look at.
        private static bool IsPlainFactory(MethodDeclarationSyntax factory)
        {
            if (factory.Body is not { Statements: { Count: > 0 } statements })
            {
                return false;
            }

            for (var i = 0; i < statements.Count - 1; i++)
            {
                if (!IsGuard(statements[i]))
                {
                    return false;
                }
            }

            return statements[statements.Count - 1] is ReturnStatementSyntax
            {
                Expression: ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0, Initializer: null }
            };
        }

        // "if (parseNode is null) throw …;"
        private static bool IsGuard(StatementSyntax statement) =>
            statement is IfStatementSyntax { Else: null } guard
            && (guard.Statement is BlockSyntax block ? Single(block) : guard.Statement) is ThrowStatementSyntax;

        private static StatementSyntax? Single(BlockSyntax block) => block.Statements.Count == 1 ? block.Statements[0] : null;

        private bool IsParseNodeMember(IMethodSymbol method) =>
            method.ContainingType.ToDisplayString() == ParseNodeName || Implements(method.ContainingType, ParseNodeName);

        private static bool Implements(ITypeSymbol type, string interfaceName) =>
            type.AllInterfaces.Any(i => i.ToDisplayString() == interfaceName);

        private static MethodDeclarationSyntax? FindMethod(ClassDeclarationSyntax declaration, string name) =>
            declaration.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.Text == name);
    }

    /// <summary>The UTF-8 length of a JSON name: the emitted reader switches on it before comparing bytes.</summary>
    internal static int Utf8Length(string text) => Encoding.UTF8.GetByteCount(text);
}
