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
    public void TheRepositorysCurrentModelsEachGetAReaderOrANoteAndCompileCleanly()
    {
        var models = CompilationHelper.CurrentRepositoryModels();
        var (output, run) = CompilationHelper.RunGenerator(CompilationHelper.Compile(models));

        // The build treats warnings as errors: the readers for whatever Kiota generated must compile without one.
        Assert.Empty(CompilationHelper.Problems(output));

        // A shape the generator does not read is skipped with an Info note (HHKG001) and read through Kiota's
        // field deserializers: allowed, never a failed build. Nothing else may be reported.
        Assert.All(run.Diagnostics, d => Assert.True(d.Id == "HHKG001" && d.Severity == DiagnosticSeverity.Info, d.ToString()));

        // Every model class gets a reader or a note that says why not; none is skipped silently.
        // (A note's location is the model's name in its file; the generator does not keep the syntax tree.)
        var texts = models.ToDictionary(m => m.Name, m => m.Text);
        var noted = run.Diagnostics.Select(d => texts[d.Location.GetLineSpan().Path].Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
        var covered = ReaderNames(run).Concat(noted).ToHashSet(StringComparer.Ordinal);
        var silent = ModelClasses(models).Where(model => !covered.Contains(model)).ToList();
        Assert.True(silent.Count == 0, "Neither a reader nor an HHKG001 note for: " + string.Join(", ", silent));
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
