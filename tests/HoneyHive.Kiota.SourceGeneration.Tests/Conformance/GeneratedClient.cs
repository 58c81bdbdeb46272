using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>A Kiota client compiled in memory with the source generator, as a net10.0 project that opts in
/// would compile it, and loaded.</summary>
internal sealed class GeneratedClient
{
    /// <summary>The symbols a net10.0 build defines that Kiota's files test: with them its properties are
    /// declared nullable, as in a real build. CompilationHelper's options define none, so the Kiota sources are
    /// parsed with these instead (the opt-in attribute and the generator's output need none).</summary>
    private static readonly CSharpParseOptions KiotaParseOptions = CompilationHelper.ParseOptions.WithPreprocessorSymbols(
        "NET", "NETCOREAPP", "NET10_0", "NETCOREAPP3_1_OR_GREATER", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER",
        "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER");

    private GeneratedClient(Compilation compilation, Assembly assembly, int sourceFiles, int readers, IReadOnlyList<Diagnostic> slowPath)
    {
        Compilation = compilation;
        Assembly = assembly;
        SourceFiles = sourceFiles;
        Readers = readers;
        SlowPath = slowPath;
    }

    /// <summary>The compilation with the generator's output.</summary>
    public Compilation Compilation { get; }

    public Assembly Assembly { get; }

    /// <summary>How many .cs files Kiota generated.</summary>
    public int SourceFiles { get; }

    /// <summary>How many readers the generator emitted.</summary>
    public int Readers { get; }

    /// <summary>The generator's HHKG001 diagnostics: models read through Kiota's field deserializers.</summary>
    public IReadOnlyList<Diagnostic> SlowPath { get; }

    /// <summary>Compiles every .cs below <paramref name="directory"/>; fails with the compiler's own words on any
    /// warning or error (the repository builds with warnings as errors).</summary>
    public static GeneratedClient Compile(string directory, string assemblyName)
    {
        var trees = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), KiotaParseOptions, path: Path.GetRelativePath(directory, path)))
            .ToList();
        var input = CompilationHelper.Compile([], assemblyName, optIn: true).AddSyntaxTrees(trees);
        var (output, run) = CompilationHelper.RunGenerator(input);

        var problems = CompilationHelper.Problems(output);
        Assert.True(problems.Count == 0,
            $"{assemblyName}: {problems.Count} compiler warnings/errors with the generator's readers, first ones:\n" + string.Join("\n", problems.Take(20)));
        var unexpected = run.Diagnostics.Where(d => d.Id != "HHKG001").ToList();
        Assert.True(unexpected.Count == 0, $"{assemblyName}: the generator reported\n" + string.Join("\n", unexpected.Take(20)));

        return new GeneratedClient(
            output,
            CompilationHelper.Load(output),
            trees.Count,
            run.Results.Single().GeneratedSources.Length,
            run.Diagnostics.Where(d => d.Id == "HHKG001").ToList());
    }
}
