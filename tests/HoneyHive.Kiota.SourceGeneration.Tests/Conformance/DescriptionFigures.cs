namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>The figures of one description's run, for the test output and docs/CONFORMANCE.md.</summary>
internal sealed class DescriptionFigures(string name)
{
    public string Name { get; } = name;

    public int SourceFiles { get; set; }

    public int Models { get; set; }

    public int Readers { get; set; }

    public int SlowPath { get; set; }

    public Dictionary<PropertyKind, int> PropertiesByKind { get; } = Enum.GetValues<PropertyKind>().ToDictionary(k => k, _ => 0);

    public int Wrappers { get; set; }

    public int DerivedModels { get; set; }

    public int SeededCases { get; set; }

    public int MutatedCases { get; set; }

    public int NullsOnDescribedProperties { get; set; }

    public Dictionary<DifferenceKind, int> Differences { get; } = Enum.GetValues<DifferenceKind>().ToDictionary(k => k, _ => 0);

    /// <summary>The differences found in seeded (unmutated) cases alone, by kind.</summary>
    public Dictionary<DifferenceKind, int> SeededDifferences { get; } = Enum.GetValues<DifferenceKind>().ToDictionary(k => k, _ => 0);

    /// <summary>A few allowed differences of seeded cases, as examples for the report.</summary>
    public List<string> SeededExamples { get; } = [];

    public int StockThrows { get; set; }

    /// <summary>Generated instances Kiota's own writer could not write (not a reader's failure; logged).</summary>
    public int WriterFailures { get; set; }

    /// <summary>What the stock node threw, by exception type and first line.</summary>
    public Dictionary<string, int> StockThrowReasons { get; } = new(StringComparer.Ordinal);

    public int OursThrows { get; set; }

    public TimeSpan Elapsed { get; set; }

    public const string Header =
        "| description | .cs files | models | readers | HHKG001 | scalars | enums | lists | nested models | wrapper props | untyped | wrapper classes | derived models | seeded cases | JSON nulls on described props | mutated cases | (a) kept raw | (a) stock read some | (b) stock loses | root not read | closed model drops | neither keeps | unexplained | stock throws | ours throws | time |\n" +
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    /// <summary>The seeded cases' differences, by kind.</summary>
    public string SeededSummary() =>
        $"{Name}, seeded cases only: " + string.Join(", ", SeededDifferences.Where(p => p.Value > 0).Select(p => $"{p.Key} {p.Value}"))
        + $"; instances Kiota's writer could not write: {WriterFailures}";

    public string Row() =>
        $"| {Name} | {SourceFiles} | {Models} | {Readers} | {SlowPath} | {PropertiesByKind[PropertyKind.Scalar]} | {PropertiesByKind[PropertyKind.Enum]} | {PropertiesByKind[PropertyKind.List]} | " +
        $"{PropertiesByKind[PropertyKind.Model]} | {PropertiesByKind[PropertyKind.Wrapper]} | {PropertiesByKind[PropertyKind.Untyped]} | {Wrappers} | {DerivedModels} | {SeededCases} | {NullsOnDescribedProperties} | {MutatedCases} | " +
        $"{Differences[DifferenceKind.KeptRaw]} | {Differences[DifferenceKind.KeptRawWhereStockReadSome]} | {Differences[DifferenceKind.StockLoses]} | {Differences[DifferenceKind.RootNotRead]} | {Differences[DifferenceKind.ClosedModelDrops]} | {Differences[DifferenceKind.NeitherKeeps]} | {Differences[DifferenceKind.Unexplained]} | " +
        $"{StockThrows} | {OursThrows} | {Elapsed.TotalSeconds:0.0} s |";
}
