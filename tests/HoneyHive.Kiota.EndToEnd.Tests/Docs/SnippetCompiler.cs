using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HoneyHive.Kiota.EndToEnd.Tests.Docs;

/// <summary>
/// Compiles a <see cref="MarkdownSnippet"/> as a new console app would: C# latest, nullable on, the SDK's
/// implicit usings, against the libraries this test project references. A whole block is the program's
/// file (top-level statements); a fragment goes into an async method body after its marker's context.
/// </summary>
internal static partial class SnippetCompiler
{
    private static readonly CSharpParseOptions Options = new(LanguageVersion.Latest);

    // What `dotnet new console` (Microsoft.NET.Sdk's ImplicitUsings) gives every file.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        // The framework (shared frameworks included) and everything this test loads: the libraries and xunit.
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(p => !Path.GetFileName(p).StartsWith("HoneyHive.Kiota.EndToEnd.Tests", StringComparison.Ordinal))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
    });

    /// <summary>Compiles the snippet; the errors, as "file:line: message", when it does not compile.</summary>
    public static (byte[]? Assembly, IReadOnlyList<string> Errors) Compile(MarkdownSnippet snippet)
    {
        var source = snippet.IsFragment ? FragmentSource(snippet) : $"#line {snippet.Line} \"{snippet.File}\"\n{snippet.Code}\n";
        var kind = snippet.IsFragment || !HasStatements(snippet.Code) ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication;
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(ImplicitUsings, Options, "ImplicitUsings.g.cs"),
            CSharpSyntaxTree.ParseText(source, Options, snippet.File),
        };
        var compilation = CSharpCompilation.Create(
            "Snippet",
            trees,
            References.Value,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Location.GetMappedLineSpan().Path}:{d.Location.GetMappedLineSpan().StartLinePosition.Line + 1}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        return (result.Success ? image.ToArray() : null, errors);
    }

    /// <summary>Runs a whole snippet's program (its top-level statements) to the end.</summary>
    public static async Task RunAsync(byte[] assembly)
    {
        var context = new AssemblyLoadContext("snippet", isCollectible: true);
        try
        {
            var entry = context.LoadFromStream(new MemoryStream(assembly)).EntryPoint!;
            // The synthesized Main blocks on the program's task: run it off the test's thread.
            await Task.Run(() =>
            {
                try
                {
                    entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
                }
                catch (TargetInvocationException e) when (e.InnerException is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
                }
            });
        }
        finally
        {
            context.Unload();
        }
    }


    // Usings (the marker's and the fragment's own leading ones) at the top; the rest in a method body.
    private static string FragmentSource(MarkdownSnippet snippet)
    {
        var context = snippet.Context!;
        var usings = ContextUsing().Matches(context).Select(m => m.Value.Trim()).ToList();
        var declarations = ContextUsing().Replace(context, string.Empty).Trim();
        return $$"""
            {{string.Join('\n', usings)}}
            #line {{snippet.Line}} "{{snippet.File}}"
            {{LeadingUsings(snippet.Code, out var body)}}
            #line hidden
            internal static class Fragment
            {
                private static async Task Run()
                {
                    {{declarations}}
                    await Task.CompletedTask;
            #line {{snippet.Line + LeadingLineCount(snippet.Code)}} "{{snippet.File}}"
            {{body}}
            #line hidden
                }
            }
            """;
    }

    private static string LeadingUsings(string code, out string body)
    {
        var lines = code.Split('\n');
        var count = LeadingLineCount(code);
        body = string.Join('\n', lines[count..]);
        return string.Join('\n', lines[..count]);
    }

    // The fragment's own using directives (and blank lines among them) at its start.
    private static int LeadingLineCount(string code)
    {
        var lines = code.Split('\n');
        var count = 0;
        while (count < lines.Length && (string.IsNullOrWhiteSpace(lines[count]) || UsingDirective().IsMatch(lines[count])))
        {
            count++;
        }

        return count;
    }

    /// <summary>Whether the code has statements to run (a block of using directives alone has none).</summary>
    public static bool HasStatements(string code) =>
        CSharpSyntaxTree.ParseText(code, Options).GetCompilationUnitRoot().Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any();

    // A using directive anywhere in a marker's context, which may be one line.
    [GeneratedRegex(@"using\s+(static\s+)?(\w+\s*=\s*)?[A-Za-z_][\w.]*\s*;")]
    private static partial Regex ContextUsing();

    // "using X.Y;", "using static X;", "using A = X.Y;" — not "using var" or "using (".
    [GeneratedRegex(@"^\s*using\s+(static\s+)?(\w+\s*=\s*)?[A-Za-z_][\w.]*\s*;[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();
}
