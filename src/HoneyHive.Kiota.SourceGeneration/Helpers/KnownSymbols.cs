using Microsoft.CodeAnalysis;

namespace HoneyHive.Kiota.SourceGeneration.Helpers;

/// <summary>
/// The types the parser compares against, resolved once per compilation rather than once per model, and
/// compared as symbols rather than as display strings.
/// </summary>
internal sealed class KnownSymbols(Compilation compilation)
{
    /// <summary>The runtime the readers call into; without it in the compilation nothing is generated.</summary>
    public const string JsonElementParsableName = "HoneyHive.Kiota.Serialization.IJsonElementParsable";

    /// <summary>The assembly attribute by which a project asks for readers for its Kiota models.</summary>
    public const string OptInAttributeName = "HoneyHive.Kiota.Serialization.GenerateKiotaJsonReadersAttribute";

    public Compilation Compilation { get; } = compilation;

    public INamedTypeSymbol? JsonElementParsable { get; } = compilation.GetTypeByMetadataName(JsonElementParsableName);

    public INamedTypeSymbol? OptInAttribute { get; } = compilation.GetTypeByMetadataName(OptInAttributeName);

    public INamedTypeSymbol? Parsable { get; } = compilation.GetTypeByMetadataName("Microsoft.Kiota.Abstractions.Serialization.IParsable");

    public INamedTypeSymbol? ParseNode { get; } = compilation.GetTypeByMetadataName("Microsoft.Kiota.Abstractions.Serialization.IParseNode");

    public INamedTypeSymbol? AdditionalDataHolder { get; } = compilation.GetTypeByMetadataName("Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder");

    public INamedTypeSymbol? ComposedTypeWrapper { get; } = compilation.GetTypeByMetadataName("Microsoft.Kiota.Abstractions.Serialization.IComposedTypeWrapper");

    public INamedTypeSymbol? UntypedNode { get; } = compilation.GetTypeByMetadataName("Microsoft.Kiota.Abstractions.Serialization.UntypedNode");

    public INamedTypeSymbol? EnumMemberAttribute { get; } = compilation.GetTypeByMetadataName("System.Runtime.Serialization.EnumMemberAttribute");

    public INamedTypeSymbol? FlagsAttribute { get; } = compilation.GetTypeByMetadataName("System.FlagsAttribute");

    /// <summary>Whether the compilation can hold readers: Kiota's abstractions and this library's runtime are referenced.</summary>
    public bool CanGenerate => JsonElementParsable is not null && Parsable is not null && ParseNode is not null;

    /// <summary>Whether the assembly being compiled asked for readers.</summary>
    public bool OptedIn => OptInAttribute is { } attribute
        && System.Linq.Enumerable.Any(Compilation.Assembly.GetAttributes(), a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

    public static bool Implements(ITypeSymbol type, INamedTypeSymbol? @interface) =>
        @interface is not null && (SymbolEqualityComparer.Default.Equals(type, @interface)
            || System.Linq.Enumerable.Contains(type.AllInterfaces, @interface, SymbolEqualityComparer.Default));

    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute) =>
        attribute is not null && System.Linq.Enumerable.Any(symbol.GetAttributes(), a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
}
