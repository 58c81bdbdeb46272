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
    /// <summary>The generated per-property method's parameters; a Kiota lambda whose parameter has one of these
    /// names could not be replayed inside it.</summary>
    internal const string NameParameter = "utf8Name";

    /// <inheritdoc cref="NameParameter"/>
    internal const string ValueParameter = "json";

    /// <summary>
    /// Turns a Kiota model's declaration into a <see cref="ModelSpec"/>, reading what Kiota emitted: the entries
    /// of <c>GetFieldDeserializers</c> (its base classes' included) and, for a composed type, the branches of
    /// <c>CreateFromDiscriminatorValue</c> and <c>GetFieldDeserializers</c>. The readers are derived from that code,
    /// so they cannot drift from the models. Parse-node calls the generator reads directly become typed reads;
    /// any other entry is replayed: Kiota's own statement runs against the library's parse node.
    /// </summary>
    internal sealed class Parser(SemanticModel semanticModel, KnownSymbols known, CancellationToken cancellationToken)
    {
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

        /// <summary>The model's spec, or null when the class is not a Kiota model this generator is for.</summary>
        public ModelSpec? Parse(ClassDeclarationSyntax declaration)
        {
            if (semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type
                || !KnownSymbols.Implements(type, known.Parsable)
                || FindMethod(declaration, "GetFieldDeserializers") is not { } deserializers)
            {
                return null;
            }

            // A model someone already reads by hand is left alone.
            if (type.Interfaces.Contains(known.JsonElementParsable!, SymbolEqualityComparer.Default))
            {
                return null;
            }

            var fullName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var ns = type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString();
            var containing = ContainingTypes(type);
            var containingTypes = new EquatableArray<string>(containing ?? ImmutableArray<string>.Empty);
            var hintName = string.Join(".", new[] { ns }.Concat(containingTypes).Concat(new[] { type.Name }).Where(part => part.Length > 0)) + ".JsonReader.g.cs";
            var location = declaration.Identifier.GetLocation();
            var usings = new SortedSet<string>(System.StringComparer.Ordinal);
            AddUsings(declaration, usings);
            var readerName = UniqueName(type, "ReadJsonProperty");
            ModelSpec Skip(string reason) => new(
                ns, containingTypes, type.Name, fullName, hintName, default, readerName, false, false, default, null,
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
            if (KnownSymbols.Implements(type, known.ComposedTypeWrapper))
            {
                var (composed, reason) = ParseComposed(type, factory, deserializers);
                return composed is null
                    ? Skip(reason!)
                    : new ModelSpec(ns, containingTypes, type.Name, fullName, hintName, Sorted(usings), readerName, false, false, default, composed, null);
            }

            var properties = ImmutableArray.CreateBuilder<PropertySpec>();
            if (ParseEntries(type, deserializers, semanticModel, properties, usings) is { } problem)
            {
                return Skip(problem);
            }

            return new ModelSpec(
                ns,
                containingTypes,
                type.Name,
                fullName,
                hintName,
                Sorted(usings),
                readerName,
                KnownSymbols.Implements(type, known.AdditionalDataHolder),
                factory is not null && IsPlainFactory(factory),
                new EquatableArray<PropertySpec>(properties.ToImmutable()),
                null,
                null);
        }

        // The entries of a GetFieldDeserializers, a base class's first when it starts from base.GetFieldDeserializers();
        // null, or why not.
        private string? ParseEntries(INamedTypeSymbol type, MethodDeclarationSyntax deserializers, SemanticModel model, ImmutableArray<PropertySpec>.Builder properties, SortedSet<string> usings)
        {
            if (DictionaryEntries(deserializers) is not { } dictionary)
            {
                return "GetFieldDeserializers is not a dictionary of its properties";
            }

            if (dictionary.FromBase)
            {
                // Kiota's allOf: "new Dictionary<…>(base.GetFieldDeserializers()) { own entries }".
                if (type.BaseType is not { } baseType || BaseDeserializers(baseType) is not { } baseDeclaration)
                {
                    return $"its base class '{type.BaseType?.Name}' is not a Kiota model declared in this compilation";
                }

                AddUsings(baseDeclaration, usings);
                var baseModel = model.Compilation.GetSemanticModel(baseDeclaration.SyntaxTree);
                if (ParseEntries(baseType, FindMethod(baseDeclaration, "GetFieldDeserializers")!, baseModel, properties, usings) is { } problem)
                {
                    return problem;
                }
            }

            foreach (var entry in dictionary.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (property, reason) = ParseEntry(entry, model);
                if (property is null)
                {
                    return reason;
                }

                // A derived model's entry replaces its base's (Kiota's dictionary would reject a repeat; be safe).
                properties.RemoveAll(p => p.JsonName == property.JsonName);
                properties.Add(property);
            }

            return null;
        }

        private ClassDeclarationSyntax? BaseDeserializers(INamedTypeSymbol baseType)
        {
            if (!KnownSymbols.Implements(baseType, known.Parsable))
            {
                return null;
            }

            foreach (var reference in baseType.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is ClassDeclarationSyntax declaration && FindMethod(declaration, "GetFieldDeserializers") is not null)
                {
                    return declaration;
                }
            }

            return null;
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

        private sealed record Dictionary(IReadOnlyList<InitializerExpressionSyntax> Entries, bool FromBase);

        // The { "json_name", n => … } elements of "return new Dictionary<…> { … };" (or of
        // "new Dictionary<…>(base.GetFieldDeserializers()) { … }"); null when the method is anything else.
        private static Dictionary? DictionaryEntries(MethodDeclarationSyntax method)
        {
            var returned = method.Body?.Statements.Count == 1 && method.Body.Statements[0] is ReturnStatementSyntax ret
                ? ret.Expression
                : method.ExpressionBody?.Expression;
            if (returned is not ObjectCreationExpressionSyntax creation)
            {
                return null;
            }

            var arguments = creation.ArgumentList?.Arguments ?? default;
            var fromBase = arguments.Count == 1 && arguments[0].Expression is InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Expression: BaseExpressionSyntax, Name.Identifier.Text: "GetFieldDeserializers" },
                ArgumentList.Arguments.Count: 0,
            };
            if (arguments.Count > 0 && !fromBase)
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

            return new Dictionary(entries, fromBase);
        }

        private (PropertySpec? Property, string? Reason) ParseEntry(InitializerExpressionSyntax entry, SemanticModel model)
        {
            if (entry.Expressions[0] is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } key)
            {
                return (null, "a field deserializer keyed by something other than a string literal");
            }

            var jsonName = key.Token.ValueText;
            if (entry.Expressions[1] is not SimpleLambdaExpressionSyntax lambda)
            {
                return (null, $"the deserializer of \"{jsonName}\" is not a lambda");
            }

            if (Direct(jsonName, lambda, model) is { } direct)
            {
                return (direct, null);
            }

            // Anything else Kiota writes runs as Kiota wrote it, against the library's parse node.
            var parameter = lambda.Parameter.Identifier.ValueText;
            if (parameter is NameParameter or ValueParameter)
            {
                return (null, $"the deserializer of \"{jsonName}\" names its parameter '{parameter}'");
            }

            var statements = lambda switch
            {
                { Block: { } block } => block.Statements.Select(statement => statement.ToString()),
                { ExpressionBody: { } expression } => new[] { expression + ";" },
                _ => Enumerable.Empty<string>(),
            };
            return (new PropertySpec(jsonName, string.Empty, ValueKind.Replay, null, null, default, parameter, new EquatableArray<string>(statements.ToImmutableArray())), null);
        }

        // The typed read of "n => { Property = n.GetXValue(); }", when the generator knows the call; else null.
        private PropertySpec? Direct(string jsonName, SimpleLambdaExpressionSyntax lambda, SemanticModel model)
        {
            var assignment = lambda switch
            {
                { Block: { } block } => Single(block) is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax a } ? a : null,
                { ExpressionBody: AssignmentExpressionSyntax a } => a,
                _ => null,
            };
            if (assignment is null || assignment.Kind() != SyntaxKind.SimpleAssignmentExpression)
            {
                return null;
            }

            var propertyName = assignment.Left switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.Text,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.Text,
                _ => null,
            };
            if (propertyName is null || model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is not IPropertySymbol)
            {
                return null;
            }

            var value = assignment.Right;
            var isList = false;
            if (value is ConditionalAccessExpressionSyntax access)
            {
                // Kiota's "n.GetCollectionOf…<T>()?.AsList()".
                if (access.WhenNotNull is not InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax { Name.Identifier.Text: "AsList" or "ToList" } })
                {
                    return null;
                }

                value = access.Expression;
                isList = true;
            }

            if (value is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } } invocation
                || receiver.Identifier.ValueText != lambda.Parameter.Identifier.ValueText
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || !IsParseNodeMember(method))
            {
                return null;
            }

            var typeArgument = method.TypeArguments.Length == 1 ? method.TypeArguments[0] : null;
            var typeName = typeArgument?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            PropertySpec Spec(ValueKind kind, string? type = null, string? factory = null, EquatableArray<EnumMemberSpec> members = default) =>
                new(jsonName, propertyName, kind, type, factory, members);

            switch (method.Name)
            {
                case var scalar when !isList && ScalarGetters.TryGetValue(scalar, out var kind):
                    return Spec(kind);
                case "GetEnumValue" when !isList && typeArgument is { TypeKind: TypeKind.Enum }:
                    return Spec(ValueKind.Enum, typeName, members: EnumMembers(typeArgument));
                case "GetCollectionOfPrimitiveValues" when isList && typeArgument?.SpecialType == SpecialType.System_String:
                    return Spec(ValueKind.StringList);
                case "GetCollectionOfPrimitiveValues" when isList && typeArgument is not null:
                    return Spec(ValueKind.PrimitiveList, typeName);
                case "GetCollectionOfEnumValues" when isList && typeArgument is { TypeKind: TypeKind.Enum }:
                    return Spec(ValueKind.EnumList, typeName);
                case "GetObjectValue" when !isList && typeArgument is not null:
                    if (SymbolEqualityComparer.Default.Equals(typeArgument, known.UntypedNode))
                    {
                        return Spec(ValueKind.Untyped);
                    }

                    return FactoryOf(invocation, typeArgument, model) is { } objectFactory ? Spec(ValueKind.Object, typeName, objectFactory) : null;
                case "GetCollectionOfObjectValues" when isList && typeArgument is not null && !SymbolEqualityComparer.Default.Equals(typeArgument, known.UntypedNode):
                    return FactoryOf(invocation, typeArgument, model) is { } listFactory ? Spec(ValueKind.ObjectList, typeName, listFactory) : null;
                default:
                    return null;
            }
        }

        // A plain enum's values with their wire names, as Kiota reads them (the EnumMember value, else the
        // name); none for a flags enum, whose comma-separated values the runtime reads.
        private EquatableArray<EnumMemberSpec> EnumMembers(ITypeSymbol type)
        {
            if (KnownSymbols.HasAttribute(type, known.FlagsAttribute))
            {
                return default;
            }

            var members = ImmutableArray.CreateBuilder<EnumMemberSpec>();
            foreach (var field in type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
            {
                var wireName = field.GetAttributes()
                    .Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.EnumMemberAttribute))
                    .SelectMany(a => a.NamedArguments)
                    .Where(argument => argument.Key == "Value")
                    .Select(argument => argument.Value.Value as string)
                    .FirstOrDefault() ?? field.Name;
                members.Add(new EnumMemberSpec(wireName, field.Name));
            }

            return new EquatableArray<EnumMemberSpec>(members.ToImmutable());
        }

        // The factory argument, when it is the model's own CreateFromDiscriminatorValue (as Kiota always emits).
        private string? FactoryOf(InvocationExpressionSyntax invocation, ITypeSymbol model, SemanticModel semantic)
        {
            if (invocation.ArgumentList.Arguments.Count != 1
                || semantic.GetSymbolInfo(invocation.ArgumentList.Arguments[0].Expression, cancellationToken).Symbol is not IMethodSymbol { Name: "CreateFromDiscriminatorValue", IsStatic: true } factory
                || !SymbolEqualityComparer.Default.Equals(factory.ContainingType, model))
            {
                return null;
            }

            return model.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ".CreateFromDiscriminatorValue";
        }

        // A Kiota composed type: its factory tries scalar branches ("if(parseNode.GetDoubleValue() is double
        // doubleValue) { result.Double = doubleValue; }"), creates models by discriminator, or reads collections; its
        // GetFieldDeserializers hands an object to the model branch the factory created ("if(Cat != null) { return
        // Cat.GetFieldDeserializers(); }") or to all of them (MergeDeserializersForIntersectionWrapper).
        private (ComposedSpec? Spec, string? Reason) ParseComposed(INamedTypeSymbol type, MethodDeclarationSyntax? factory, MethodDeclarationSyntax deserializers)
        {
            if (factory?.Body is null)
            {
                return (null, "a composed type without a CreateFromDiscriminatorValue body");
            }

            var scalars = ImmutableArray.CreateBuilder<ComposedMemberSpec>();
            var others = false;
            foreach (var statement in factory.Body.Statements.OfType<IfStatementSyntax>().Where(statement => !IsGuard(statement)))
            {
                for (var branch = statement; branch is not null; branch = branch.Else?.Statement as IfStatementSyntax)
                {
                    if (branch.Condition is IsPatternExpressionSyntax { Expression: InvocationExpressionSyntax call, Pattern: DeclarationPatternSyntax }
                        && semanticModel.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol getter
                        && IsParseNodeMember(getter)
                        && ScalarGetters.TryGetValue(getter.Name, out var kind)
                        && AssignedMember(branch.Statement) is { } property)
                    {
                        scalars.Add(new ComposedMemberSpec(kind, property));
                    }
                    else
                    {
                        others = true;
                    }
                }
            }

            if (ComposedObjects(type, deserializers) is not { } objects)
            {
                return (null, "a composed type whose GetFieldDeserializers the generator does not know");
            }

            return (new ComposedSpec(
                new EquatableArray<ComposedMemberSpec>(scalars.ToImmutable()),
                new EquatableArray<ComposedObjectSpec>(objects.Members),
                objects.Intersection,
                others,
                UniqueName(type, "TryReadJson")), null);
        }

        private sealed record ObjectBranches(ImmutableArray<ComposedObjectSpec> Members, bool Intersection);

        private ObjectBranches? ComposedObjects(INamedTypeSymbol type, MethodDeclarationSyntax deserializers)
        {
            var members = ImmutableArray.CreateBuilder<ComposedObjectSpec>();
            var intersection = false;
            var statements = deserializers.Body?.Statements ?? default;
            for (var i = 0; i < statements.Count; i++)
            {
                var statement = statements[i];
                if (i == statements.Count - 1)
                {
                    // "return new Dictionary<string, Action<IParseNode>>();"
                    return statement is ReturnStatementSyntax { Expression: ObjectCreationExpressionSyntax { Initializer: null or { Expressions.Count: 0 } } }
                        ? new ObjectBranches(members.ToImmutable(), intersection)
                        : null;
                }

                for (var branch = statement as IfStatementSyntax; branch is not null; branch = branch.Else?.Statement as IfStatementSyntax)
                {
                    var returned = (branch.Statement is BlockSyntax block ? Single(block) : branch.Statement) as ReturnStatementSyntax;
                    switch (returned?.Expression)
                    {
                        // "return Cat.GetFieldDeserializers();"
                        case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax member, Name.Identifier.Text: "GetFieldDeserializers" } }:
                            if (Branch(type, member.Identifier.ValueText) is not { } spec)
                            {
                                return null;
                            }

                            members.Add(spec);
                            break;

                        // "return ParseNodeHelper.MergeDeserializersForIntersectionWrapper(Bird, Fish);"
                        case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "MergeDeserializersForIntersectionWrapper" } } merge:
                            intersection = true;
                            foreach (var argument in merge.ArgumentList.Arguments)
                            {
                                if (argument.Expression is not IdentifierNameSyntax name || Branch(type, name.Identifier.ValueText) is not { } mergedSpec)
                                {
                                    return null;
                                }

                                members.Add(mergedSpec);
                            }

                            break;
                        default:
                            return null;
                    }

                    if (branch.Else is { Statement: not IfStatementSyntax })
                    {
                        return null;
                    }
                }

                if (statement is not IfStatementSyntax)
                {
                    return null;
                }
            }

            return null;
        }

        private static ComposedObjectSpec? Branch(INamedTypeSymbol type, string propertyName) =>
            type.GetMembers(propertyName).OfType<IPropertySymbol>().FirstOrDefault() is { Type: INamedTypeSymbol { TypeKind: TypeKind.Class } model }
                ? new ComposedObjectSpec(propertyName, model.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                : null;

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

        private bool IsParseNodeMember(IMethodSymbol method) => KnownSymbols.Implements(method.ContainingType, known.ParseNode);

        // A member name for generated code that no member of the type or its bases already has.
        private static string UniqueName(INamedTypeSymbol type, string name)
        {
            for (var suffix = 0; ; suffix++)
            {
                var candidate = suffix == 0 ? name : name + suffix;
                var taken = false;
                for (var current = type; current is not null && !taken; current = current.BaseType)
                {
                    taken = current.GetMembers(candidate).Any(member => SymbolEqualityComparer.Default.Equals(current, type) || member.DeclaredAccessibility != Accessibility.Private)
                        || current.GetTypeMembers(candidate).Length > 0;
                }

                if (!taken)
                {
                    return candidate;
                }
            }
        }

        private static void AddUsings(ClassDeclarationSyntax declaration, SortedSet<string> usings)
        {
            foreach (var directive in declaration.Ancestors().SelectMany(static node => node switch
            {
                CompilationUnitSyntax unit => unit.Usings,
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                _ => default,
            }))
            {
                if (directive.GlobalKeyword.IsKind(SyntaxKind.None))
                {
                    usings.Add(directive.WithoutTrivia().ToString());
                }
            }
        }

        private static EquatableArray<string> Sorted(SortedSet<string> usings) => new(usings.ToImmutableArray());

        private static MethodDeclarationSyntax? FindMethod(ClassDeclarationSyntax declaration, string name) =>
            declaration.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.Text == name);
    }

    /// <summary>The UTF-8 length of a JSON name: the emitted reader switches on it before comparing bytes.</summary>
    internal static int Utf8Length(string text) => Encoding.UTF8.GetByteCount(text);
}
