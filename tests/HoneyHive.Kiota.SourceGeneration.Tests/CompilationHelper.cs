using System.Collections.Immutable;
using System.Reflection;
using HoneyHive.Kiota.Serialization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HoneyHive.Kiota.SourceGeneration.Tests;

/// <summary>In-memory compilations of Kiota models with the generator run over them, as the compiler would.</summary>
internal static class CompilationHelper
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // The running .NET's assemblies, Kiota's abstractions and JSON serialization, and the library whose
    // runtime the readers call.
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(path => MetadataReference.CreateFromFile(path)),
        MetadataReference.CreateFromFile(typeof(Microsoft.Kiota.Abstractions.Serialization.IParsable).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Kiota.Serialization.Json.JsonParseNode).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(IJsonElementParsable).Assembly.Location),
    ];

    /// <summary>The directory the test project's baselines and inputs are copied to.</summary>
    public static string OutputDirectory => AppContext.BaseDirectory;

    /// <summary>
    /// The generator's fixed inputs, as (file name, text): Kiota's models for this repository, frozen in
    /// <c>Inputs/KiotaModels/</c> (see its README). A regeneration of the client does not change them.
    /// </summary>
    public static IReadOnlyList<(string Name, string Text)> KiotaModels() => ReadSources(Path.Combine(OutputDirectory, "KiotaModels"));

    /// <summary>
    /// The repository's models as they are now, as (file name, text): whatever the last <c>kiota update</c> wrote
    /// to <c>src/HoneyHive.Kiota/Generated/Models/</c>, read from the source tree (no stale copies).
    /// </summary>
    public static IReadOnlyList<(string Name, string Text)> CurrentRepositoryModels() =>
        ReadSources(Path.Combine(RepositoryRoot(), "src", "HoneyHive.Kiota", "Generated", "Models"));

    /// <summary>The repository's root (the folder of HoneyHive.Kiota.sln), found above the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HoneyHive.Kiota.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (HoneyHive.Kiota.sln) was not found above " + AppContext.BaseDirectory);
    }

    private static List<(string Name, string Text)> ReadSources(string directory) =>
        Directory.GetFiles(directory, "*.cs")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))
            .ToList();

    /// <summary>The assembly attribute by which a project asks for readers.</summary>
    public const string OptIn = "[assembly: HoneyHive.Kiota.Serialization.GenerateKiotaJsonReaders]";

    /// <summary>Compiles the sources; unless <paramref name="optIn"/> is false, the assembly asks for readers.</summary>
    public static CSharpCompilation Compile(IEnumerable<(string Name, string Text)> sources, string assemblyName = "Models", bool optIn = true) =>
        CSharpCompilation.Create(
            assemblyName,
            (optIn ? sources.Append((Name: "OptIn.cs", Text: OptIn)) : sources).Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, path: source.Name)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // The repository's models are compiled again beside HoneyHive.Kiota.dll, which holds them too:
                // the source copies win, which is what these tests want.
                .WithSpecificDiagnosticOptions([KeyValuePair.Create("CS0436", ReportDiagnostic.Suppress)]));

    /// <summary>A driver that records each step's outputs, for incrementality checks.</summary>
    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            [new ModelReaderGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator and returns the compilation with its output, plus the generator's diagnostics.</summary>
    public static (Compilation Output, GeneratorDriverRunResult Run) RunGenerator(CSharpCompilation input)
    {
        var driver = Driver().RunGeneratorsAndUpdateCompilation(input, out var output, out _);
        return (output, driver.GetRunResult());
    }

    /// <summary>The output's compiler errors (warnings too: the repository builds with warnings as errors).</summary>
    public static IReadOnlyList<Diagnostic> Problems(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>Emits the compilation and loads it in a collectible context; the references resolve from the test's own.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return new System.Runtime.Loader.AssemblyLoadContext(compilation.AssemblyName, isCollectible: true).LoadFromStream(image);
    }
}
