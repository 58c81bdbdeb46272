using Microsoft.CodeAnalysis;

namespace HoneyHive.Kiota.SourceGeneration;

public sealed partial class ModelReaderGenerator
{
    /// <summary>Every diagnostic the generator reports. Info, never a warning: a model the generator does not
    /// understand still works (through Kiota's field deserializers), so it must never fail a build.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "HoneyHive.Kiota.SourceGeneration";

        public static DiagnosticDescriptor ModelSkipped { get; } = new(
            id: "HHKG001",
            title: "Kiota model read through its field deserializers",
            messageFormat: "No compile-time JSON reader for '{0}': {1}; it is read through Kiota's GetFieldDeserializers instead",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "The generator adds a one-pass JSON reader to each Kiota model whose GetFieldDeserializers it understands. Other models keep working through Kiota's generic path, only more slowly.");
    }
}
