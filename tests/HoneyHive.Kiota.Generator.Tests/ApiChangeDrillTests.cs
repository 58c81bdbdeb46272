using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Generator.Tests;

/// <summary>
/// The workflow a team follows when the API changes: edit the description, regenerate, build. Here the
/// API gains an event property and a query parameter on a copy of the description.
/// </summary>
public class ApiChangeDrillTests
{
    private static string ChangedDescription()
    {
        var description = JsonNode.Parse(File.ReadAllText(RepoPaths.Description))!;
        description["components"]!["schemas"]!["Event"]!["properties"]!["tags"] = new JsonObject
        {
            ["type"] = "array",
            ["items"] = new JsonObject { ["type"] = "string" },
            ["description"] = "Labels attached to the event.",
        };
        description["paths"]!["/events"]!["get"]!["parameters"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "sortBy",
            ["in"] = "query",
            ["description"] = "Field to sort by.",
            ["schema"] = new JsonObject { ["type"] = "string" },
        });
        return description.ToJsonString();
    }

    [Fact]
    public void NewPropertyAndQueryParameterAppearInTheRegeneratedCode()
    {
        var output = Directory.CreateTempSubdirectory("hh-drill-").FullName;
        try
        {
            CodeGenerator.Write(output, CodeGenerator.Generate(ChangedDescription(), LockFile.Load(RepoPaths.LockFile)));

            var model = File.ReadAllText(Path.Combine(output, "Models", "Event.cs"));
            Assert.Contains("public List<string>? Tags { get; set; }", model, StringComparison.Ordinal);
            Assert.Contains("{ \"tags\", n => { Tags = n.GetCollectionOfPrimitiveValues<string>()?.AsList(); } },", model, StringComparison.Ordinal);
            Assert.Contains("if (name.SequenceEqual(\"tags\"u8))", model, StringComparison.Ordinal);
            Assert.Contains("JsonElementReader.TryGetStringList(value, out var parsed)", model, StringComparison.Ordinal);
            Assert.Contains("writer.WriteCollectionOfPrimitiveValues<string>(\"tags\", Tags);", model, StringComparison.Ordinal);

            var builder = File.ReadAllText(Path.Combine(output, "Events", "EventsRequestBuilder.cs"));
            Assert.Contains("[QueryParameter(\"sortBy\")]", builder, StringComparison.Ordinal);
            Assert.Contains("public string? SortBy { get; set; }", builder, StringComparison.Ordinal);
            Assert.Contains("if (SortBy != null) requestInformation.QueryParameters[\"sortBy\"] = SortBy;", builder, StringComparison.Ordinal);
            Assert.Contains("{?dateRange,filters,limit,page,project,sortBy}", builder, StringComparison.Ordinal);

            // Nothing else moved: the other files are exactly what the unchanged description gives.
            var unchanged = CodeGenerator.Generate(File.ReadAllText(RepoPaths.Description), LockFile.Load(RepoPaths.LockFile));
            var changedFiles = unchanged.Where(f => File.ReadAllText(Path.Combine(output, f.Key)) != f.Value).Select(f => f.Key);
            Assert.Equal(["Events/EventsRequestBuilder.cs", "Models/Event.cs"], changedFiles);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task TheRegeneratedLibraryBuildsWithZeroWarnings()
    {
        // A copy of the library (hand-written layer included) with the drill's Generated/ folder,
        // built with the repository's own strict settings.
        var workspace = Directory.CreateTempSubdirectory("hh-drill-build-").FullName;
        try
        {
            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "README.md" })
            {
                File.Copy(Path.Combine(RepoPaths.Root, file), Path.Combine(workspace, file));
            }

            var library = Path.Combine(workspace, "src", "HoneyHive.Kiota");
            CopySources(Path.Combine(RepoPaths.Root, "src", "HoneyHive.Kiota"), library);
            CodeGenerator.Write(Path.Combine(library, "Generated"), CodeGenerator.Generate(ChangedDescription(), LockFile.Load(RepoPaths.LockFile)));

            var (exitCode, output) = await RunAsync("dotnet", $"build \"{library}\" -c Release -nologo", workspace);

            Assert.True(exitCode == 0, output);
            Assert.Contains("0 Warning(s)", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    private static void CopySources(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
