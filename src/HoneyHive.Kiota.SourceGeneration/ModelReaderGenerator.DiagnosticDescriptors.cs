using Microsoft.CodeAnalysis;

namespace HoneyHive.Kiota.SourceGeneration;

public sealed partial class ModelReaderGenerator
{
    /// <summary>Every diagnostic the generator reports. A model without a reader still works (through Kiota's field
    /// deserializers) but is read two to three times more slowly, so it is a warning, configurable like any other
    /// (<c>dotnet_diagnostic.HHKG001.severity</c> in .editorconfig, or <c>&lt;NoWarn&gt;</c>).</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "HoneyHive.Kiota.SourceGeneration";

        public static DiagnosticDescriptor ModelSkipped { get; } = new(
            id: "HHKG001",
            title: "Kiota model read through its field deserializers",
            messageFormat: "No compile-time JSON reader for '{0}': {1}; it is read through Kiota's GetFieldDeserializers instead",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The generator adds a one-pass JSON reader to each Kiota model whose GetFieldDeserializers it understands. Other models keep working through Kiota's generic path, two to three times more slowly.");
    }
}
