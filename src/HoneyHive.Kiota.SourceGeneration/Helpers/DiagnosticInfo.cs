using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HoneyHive.Kiota.SourceGeneration.Helpers;

/// <summary>A diagnostic as data: no <see cref="Location"/> tied to a compilation, so specs stay cacheable.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, string FilePath, TextSpan Span, LinePositionSpan Lines, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location location, params string[] arguments)
    {
        var lines = location.GetLineSpan();
        return new DiagnosticInfo(descriptor, lines.Path ?? string.Empty, location.SourceSpan, lines.Span, new EquatableArray<string>(ImmutableArray.Create(arguments)));
    }

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location.Create(FilePath, Span, Lines), Arguments.Cast<object>().ToArray());
}
