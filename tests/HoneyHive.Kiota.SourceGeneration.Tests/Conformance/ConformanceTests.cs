using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>
/// Issue 15, part 3, "proven equal to Kiota": for each OpenAPI description of the corpus, the pinned Kiota generates a
/// client, the source generator adds its readers (no compiler warning allowed), and for every model seeded random
/// instances written with Kiota's JsonSerializationWriter are read back by Kiota's stock JsonParseNode and by
/// HoneyHiveJsonParseNode, then mutated JSON is read the same way. The two must agree, but for the documented kinds
/// of difference (<see cref="DifferenceKind"/>), and ours must never throw. docs/CONFORMANCE.md has the figures.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    private static readonly ConformanceSettings Settings = ConformanceSettings.FromEnvironment();

    public static TheoryData<string> Descriptions()
    {
        var data = new TheoryData<string>();
        foreach (var description in CorpusCatalog.Descriptions(Settings))
        {
            data.Add(description.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Descriptions))]
    public async Task The_readers_read_what_Kiotas_stock_parse_node_reads(string name)
    {
        var description = CorpusCatalog.Descriptions(Settings).Single(d => d.Name == name);
        output.WriteLine($"{name}: {description.Origin}; {Settings}");
        var clock = Stopwatch.StartNew();
        var path = await description.LocateAsync();
        var work = Directory.CreateTempSubdirectory("hh-kiota-conformance-");
        try
        {
            var clientDirectory = Path.Combine(work.FullName, "client");
            await KiotaRunner.GenerateAsync(path, clientDirectory, name);
            var client = GeneratedClient.Compile(clientDirectory, "Corpus." + name);
            var figures = new DescriptionFigures(name) { SourceFiles = client.SourceFiles, Readers = client.Readers, SlowPath = client.SlowPath.Count };
            output.WriteLine($"generated and compiled in {clock.Elapsed.TotalSeconds:0.0} s: {client.SourceFiles} files, {client.Readers} readers, {client.SlowPath.Count} HHKG001");
            foreach (var diagnostic in client.SlowPath.Take(10))
            {
                output.WriteLine("  " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (description.RequiresEveryReader)
            {
                Assert.True(client.SlowPath.Count == 0,
                    $"{name}: every model must get a reader, but the generator reported HHKG001 for:\n" + string.Join("\n", client.SlowPath.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))));
            }

            var failures = Run(new ModelCatalog(client.Assembly, client.Compilation), figures);
            figures.Elapsed = clock.Elapsed;
            output.WriteLine(string.Empty);
            output.WriteLine(DescriptionFigures.Header);
            output.WriteLine(figures.Row());
            foreach (var (reason, count) in figures.StockThrowReasons.OrderByDescending(p => p.Value).Take(10))
            {
                output.WriteLine($"stock threw {count}x {ResultComparer.Shorten(reason)}");
            }

            // Every failing case, for the report; the test output keeps the first ones.
            var log = Path.Combine(Path.GetTempPath(), $"hh-kiota-conformance-{name}.log");
            await File.WriteAllLinesAsync(log, [DescriptionFigures.Header, figures.Row(), figures.SeededSummary(), "allowed differences in seeded cases (examples):", .. figures.SeededExamples, "failures:", .. failures]);
            output.WriteLine(figures.SeededSummary());
            output.WriteLine($"every failing case: {log}");
            foreach (var failure in failures.Take(40))
            {
                output.WriteLine(failure);
            }

            // Kiota's writer failing on a few composed instances is its limit; on more, the instance generator is wrong.
            Assert.True(figures.WriterFailures * 100 <= figures.SeededCases,
                $"{name}: Kiota's writer could not write {figures.WriterFailures} of {figures.SeededCases + figures.WriterFailures} generated instances (more than 1%): the instance generator makes instances Kiota cannot write");
            Assert.True(failures.Count == 0,
                $"{name}: {failures.Count} cases differ from Kiota's stock parse node beyond the documented kinds, or threw (seed {Settings.Seed}); first ones:\n" + string.Join("\n\n", failures.Take(15)));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private List<string> Run(ModelCatalog catalog, DescriptionFigures figures)
    {
        var failures = new List<string>();
        var comparer = new ResultComparer(catalog);
        figures.Models = catalog.Models.Count;
        foreach (var type in catalog.Models)
        {
            var shape = catalog.Shape(type);
            figures.Wrappers += shape.IsWrapper ? 1 : 0;
            figures.DerivedModels += type.BaseType is { } baseType && ModelCatalog.IsModel(baseType) ? 1 : 0;
            foreach (var property in shape.Properties)
            {
                figures.PropertiesByKind[property.Kind]++;
            }

            // One random stream per model, so a failing model's cases can be replayed on their own.
            var random = new Random(Settings.Seed ^ StableHash(type.FullName!));
            var generator = new InstanceGenerator(catalog, random);
            var seeded = new List<string>();
            for (var i = 0; i < Settings.InstancesPerModel; i++)
            {
                string json;
                try
                {
                    json = ParseNodes.Write(generator.CreateModel(type, 0));
                }
                catch (Exception ex) when (ex is InvalidOperationException or System.Text.Json.JsonException)
                {
                    // Kiota's own writer cannot write some instances of composed types (it opens an object without a
                    // property name); there is no JSON to read, so nothing to compare. Counted and logged, not a reader failure.
                    figures.WriterFailures++;
                    figures.SeededExamples.Add($"{type.FullName}: Kiota's writer failed on a generated instance: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
                    continue;
                }

                seeded.Add(json);
                figures.SeededCases++;
                Check(type, json, "seeded instance", mutated: false, comparer, figures, failures);
            }

            figures.NullsOnDescribedProperties += generator.NullsWritten;
            if (seeded.Count == 0)
            {
                continue;
            }

            var mutator = new JsonMutator(catalog, random);
            for (var i = 0; i < Settings.MutationsPerModel; i++)
            {
                foreach (var (change, json) in mutator.Mutate(type, seeded[i % seeded.Count], 1))
                {
                    figures.MutatedCases++;
                    Check(type, json, "mutated " + change, mutated: true, comparer, figures, failures);
                }
            }
        }

        return failures;
    }

    private static void Check(Type type, string json, string origin, bool mutated, ResultComparer comparer, DescriptionFigures figures, List<string> failures)
    {
        using var document = JsonDocument.Parse(json);
        var (stock, stockError) = ParseNodes.ReadStock(type, document.RootElement);
        var (ours, oursError) = ParseNodes.ReadOurs(type, document.RootElement);
        string Context() => $"{figures.Name} {type.FullName} ({origin}):\n  JSON {ResultComparer.Shorten(json)}";
        if (oursError is not null)
        {
            figures.OursThrows++;
            failures.Add($"{Context()}\n  HoneyHiveJsonParseNode threw {oursError.GetType().Name}: {oursError.Message} (stock: {(stockError is null ? comparer.Show(stock) : "threw " + stockError.GetType().Name)})");
            return;
        }

        if (stockError is not null)
        {
            figures.StockThrows++;
            var reason = $"{stockError.GetType().Name} ({(mutated ? "mutated" : "seeded")}): {stockError.Message.Split('\n')[0]}";
            figures.StockThrowReasons[reason] = figures.StockThrowReasons.GetValueOrDefault(reason) + 1;
            return;
        }

        var unexplained = new StringBuilder();
        foreach (var difference in comparer.Compare(stock, ours, document.RootElement))
        {
            // A value Kiota's own writer wrote is valid: ours refusing it where stock reads it is a failure.
            var kind = difference.Kind == DifferenceKind.KeptRawWhereStockReadSome && !mutated ? DifferenceKind.Unexplained : difference.Kind;
            var allowed = kind is DifferenceKind.KeptRaw or DifferenceKind.KeptRawWhereStockReadSome or DifferenceKind.StockLoses;
            figures.Differences[kind]++;
            if (!mutated)
            {
                figures.SeededDifferences[kind]++;
                if (allowed && figures.SeededExamples.Count < 40)
                {
                    figures.SeededExamples.Add($"{type.FullName}: {difference}");
                }
            }

            if (!allowed)
            {
                unexplained.Append("\n  ").Append(difference);
            }
        }

        if (unexplained.Length > 0)
        {
            failures.Add(Context() + unexplained);
        }
    }

    // FNV-1a: string.GetHashCode differs from one process to the next.
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }
}
