using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace HoneyHive.Kiota.SourceGeneration.Tests;

/// <summary>
/// What the generator writes for Kiota's models. For fixed inputs (this repository's models, frozen in
/// <c>Inputs/KiotaModels/</c>) the exact text is compared with reviewed baselines in <c>Baselines/KiotaModels/</c>,
/// so only a change to the generator changes a baseline; refresh them with
/// <c>HH_UPDATE_BASELINES=1 dotnet test tests/HoneyHive.Kiota.SourceGeneration.Tests</c> and review the diff.
/// The repository's current models, whatever the last <c>kiota update</c> wrote, are checked only for what must
/// hold after any regeneration.
/// </summary>
public class ReaderOutputTests
{
    [Fact]
    public void EveryFrozenModelGetsAReaderAndTheOutputCompilesCleanly()
    {
        var models = CompilationHelper.KiotaModels();
        var (output, run) = CompilationHelper.RunGenerator(CompilationHelper.Compile(models));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(CompilationHelper.Problems(output));

        // One reader per model class (enums are not models): a model without one would be read through
        // Kiota's slow path without anyone noticing.
        Assert.Equal(ModelClasses(models), ReaderNames(run));
    }

    [Fact]
    public void TheRepositorysCurrentModelsEachGetAReaderAndCompileCleanly()
    {
        var models = CompilationHelper.CurrentRepositoryModels();
        var (output, run) = CompilationHelper.RunGenerator(CompilationHelper.Compile(models));

        // The build treats warnings as errors: nothing reported (HHKG001, a model left to Kiota's slower path, is a
        // warning), and the readers for whatever Kiota generated compile without one.
        Assert.Empty(run.Diagnostics);
        Assert.Empty(CompilationHelper.Problems(output));

        // Every model class gets a reader (nested wrappers of inline composed types get theirs besides).
        var readers = ReaderNames(run).ToHashSet(StringComparer.Ordinal);
        var missing = ModelClasses(models).Where(model => !readers.Contains(model)).ToList();
        Assert.True(missing.Count == 0, "No reader for: " + string.Join(", ", missing));
    }

    // The model classes among Kiota's files (one class per file, named as the file; enums are not models).
    private static IEnumerable<string> ModelClasses(IEnumerable<(string Name, string Text)> models) =>
        models.Where(m => m.Text.Contains(" : IAdditionalDataHolder, IParsable", StringComparison.Ordinal)
                || m.Text.Contains("IComposedTypeWrapper, IParsable", StringComparison.Ordinal)
                || m.Text.Contains("ApiException, IAdditionalDataHolder, IParsable", StringComparison.Ordinal))
            .Select(m => Path.GetFileNameWithoutExtension(m.Name))
            .Order(StringComparer.Ordinal);

    // The models the generator wrote a reader for ("Event", or "EventScore.EventScore_value" for a nested wrapper).
    private static IEnumerable<string> ReaderNames(GeneratorDriverRunResult run) =>
        run.Results.Single().GeneratedSources
            .Select(s => s.HintName.Replace("HoneyHive.Kiota.Models.", string.Empty, StringComparison.Ordinal).Replace(".JsonReader.g.cs", string.Empty, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void OutputMatchesTheBaselines()
    {
        var (_, run) = CompilationHelper.RunGenerator(CompilationHelper.Compile(CompilationHelper.KiotaModels()));
        var generated = run.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var directory = Path.Combine(CompilationHelper.OutputDirectory, "Baselines", "KiotaModels");

        if (Environment.GetEnvironmentVariable("HH_UPDATE_BASELINES") == "1")
        {
            var sourceDirectory = Path.Combine(SourceDirectory(), "Baselines", "KiotaModels");
            Directory.CreateDirectory(sourceDirectory);
            foreach (var stale in Directory.GetFiles(sourceDirectory, "*.txt"))
            {
                File.Delete(stale);
            }

            foreach (var (hint, text) in generated)
            {
                File.WriteAllText(Path.Combine(sourceDirectory, hint + ".txt"), text);
            }

            return;
        }

        var baselines = Directory.GetFiles(directory, "*.txt").ToDictionary(p => Path.GetFileNameWithoutExtension(p), File.ReadAllText);
        Assert.Equal(baselines.Keys.Order(StringComparer.Ordinal), generated.Keys.Order(StringComparer.Ordinal));
        foreach (var (hint, text) in generated)
        {
            Assert.True(baselines[hint] == text, $"{hint} differs from its baseline; refresh with HH_UPDATE_BASELINES=1 and review the diff.\n{text}");
        }
    }

    [Fact]
    public void TheOutputIsTheSameOnEveryRun()
    {
        var input = CompilationHelper.Compile(CompilationHelper.KiotaModels());

        var first = CompilationHelper.RunGenerator(input).Run.Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString()));
        var second = CompilationHelper.RunGenerator(input).Run.Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString()));

        Assert.Equal(first, second);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
