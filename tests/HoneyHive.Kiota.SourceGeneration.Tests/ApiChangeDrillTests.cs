using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace HoneyHive.Kiota.SourceGeneration.Tests;

/// <summary>
/// The drill for an API change: a copy of the description gains an endpoint with a path parameter and
/// <c>oneOf</c> schemas; the pinned Kiota CLI regenerates a client from it into a temporary folder; the
/// client is compiled with the source generator; a response of the new endpoint is parsed through the
/// library's parse node factory.
/// </summary>
public class ApiChangeDrillTests
{
    private const string NewEndpoint = """
        { "get": { "operationId": "getEventScore", "summary": "An evaluator's score for one event",
          "parameters": [ { "name": "event_id", "in": "path", "required": true, "schema": { "type": "string" } } ],
          "responses": { "200": { "description": "The score", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EventScore" } } } } } } }
        """;

    private const string NewSchemas = """
        {
          "EventScore": { "type": "object", "properties": {
            "event_id": { "type": "string" },
            "value": { "oneOf": [ { "type": "number" }, { "type": "string" } ] },
            "verdict": { "oneOf": [ { "$ref": "#/components/schemas/Verdict" }, { "type": "string" } ] },
            "rater": { "$ref": "#/components/schemas/Rater" },
            "labels": { "type": "array", "items": { "type": "string" } },
            "evaluated_at": { "$ref": "#/components/schemas/Timestamp" } } },
          "Rater": { "type": "object", "properties": { "name": { "type": "string" }, "settings": {} } },
          "Verdict": { "type": "object", "properties": { "label": { "type": "string" } } }
        }
        """;

    // Compiled into the drill's assembly: what a user of the regenerated client would write.
    private const string Probe = """
        using System.IO;
        using System.Text;
        using System.Threading.Tasks;
        using HoneyHive.Kiota.Models;
        using HoneyHive.Kiota.Serialization;
        using Microsoft.Kiota.Abstractions.Serialization;

        namespace Drill;

        public static class Probe
        {
            public static async Task<string> ParseAsync(string json)
            {
                var node = await new HoneyHiveJsonParseNodeFactory().GetRootParseNodeAsync("application/json", new MemoryStream(Encoding.UTF8.GetBytes(json)));
                var score = node.GetObjectValue(Drill.Models.EventScore.CreateFromDiscriminatorValue);
                var fast = ((object)score is IJsonElementParsable) && ((object)new Drill.Models.Rater() is IJsonElementParsable);
                return $"{score.EventId}|{score.Value?.Double}|{score.Value?.String}|{score.Verdict?.String}|{score.Verdict?.Verdict?.Label}|{score.Rater?.Name}|{score.Rater?.Settings.GetProperty("temperature").GetDouble()}|{string.Join(",", score.Labels ?? new())}|{score.EvaluatedAt?.Double}|{string.Join(",", score.AdditionalData.Keys)}|{fast}";
            }
        }
        """;

    [Fact]
    public async Task ANewEndpointWithAPathParameterAndOneOfSchemasIsGeneratedCompiledAndParsed()
    {
        var repository = CompilationHelper.RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("hh-kiota-drill-");
        try
        {
            var description = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(repository, "openapi", "honeyhive-events.json")))!;
            description["paths"]!["/events/{event_id}/score"] = JsonNode.Parse(NewEndpoint);
            foreach (var (name, schema) in JsonNode.Parse(NewSchemas)!.AsObject().ToList())
            {
                description["components"]!["schemas"]![name] = schema!.DeepClone();
            }

            var descriptionPath = Path.Combine(work.FullName, "description.json");
            await File.WriteAllTextAsync(descriptionPath, description.ToJsonString());
            var output = Path.Combine(work.FullName, "client");

            // The repository's pinned Kiota (.config/dotnet-tools.json), with the settings its own client uses;
            // restored first, so "dotnet test" works on a fresh clone (a no-op once it is there).
            await RunAsync(repository, "dotnet", "tool", "restore");
            await RunAsync(repository, "dotnet", "kiota", "generate", "-d", descriptionPath, "-o", output, "-l", "CSharp",
                "-c", "DrillClient", "-n", "Drill", "-s", "none", "--ds", "none", "--ebc", "-m", "application/json", "--ll", "Error");

            var sources = Directory.GetFiles(output, "*.cs", SearchOption.AllDirectories)
                .Select(path => (Path.GetRelativePath(output, path), File.ReadAllText(path)))
                .Append(("Probe.cs", Probe));
            var (compilation, run) = CompilationHelper.RunGenerator(CompilationHelper.Compile(sources, "Drill"));

            Assert.Empty(CompilationHelper.Problems(compilation));
            var hints = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
            Assert.Contains("Drill.Models.EventScore.JsonReader.g.cs", hints);
            Assert.Contains("Drill.Models.Rater.JsonReader.g.cs", hints);
            Assert.Contains("Drill.Models.EventScore.EventScore_value.JsonReader.g.cs", hints);
            Assert.Contains("Drill.Models.EventScore.EventScore_verdict.JsonReader.g.cs", hints);
            Assert.Empty(run.Diagnostics);

            var client = CompilationHelper.Load(compilation);
            var full = await InvokeAsync(client, "Drill.Probe", "ParseAsync",
                """{"event_id":"e1","value":0.75,"verdict":{"label":"good"},"rater":{"name":"judge","settings":{"temperature":0.2}},"labels":["a","b"],"evaluated_at":1714978764301,"extra":true}""");
            // A oneOf of a string and one model, given an object: the model is read in full (Kiota's own parse leaves
            // the wrapper empty, as no discriminator names the branch); the unknown "extra" is kept.
            Assert.Equal("e1|0.75|||good|judge|0.2|a,b|1714978764301|extra|True", full);

            var scalars = await InvokeAsync(client, "Drill.Probe", "ParseAsync", """{"event_id":"e2","value":"high","verdict":"fine"}""");
            Assert.Equal("e2||high|fine|||||||True", scalars);

            // The path parameter lands in the URL, escaped.
            Assert.Equal("https://api.honeyhive.ai/events/ev%2F1/score", BuildScoreUrl(client));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<string> InvokeAsync(System.Reflection.Assembly assembly, string type, string method, string argument)
    {
        var task = (Task<string>)assembly.GetType(type, throwOnError: true)!.GetMethod(method)!.Invoke(null, [argument])!;
        return await task;
    }

    // client.Events["ev/1"].Score.ToGetRequestInformation().URI, through reflection on the loaded client.
    private static string BuildScoreUrl(System.Reflection.Assembly assembly)
    {
        var adapter = new Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter(new Microsoft.Kiota.Abstractions.Authentication.AnonymousAuthenticationProvider());
        var client = Activator.CreateInstance(assembly.GetType("Drill.DrillClient", throwOnError: true)!, adapter)!;
        var events = client.GetType().GetProperty("Events")!.GetValue(client)!;
        var item = events.GetType().GetProperty("Item")!.GetValue(events, ["ev/1"])!;
        var score = item.GetType().GetProperty("Score")!.GetValue(item)!;
        var info = (Microsoft.Kiota.Abstractions.RequestInformation)score.GetType().GetMethod("ToGetRequestInformation")!.Invoke(score, [null])!;
        return info.URI.ToString();
    }

    private static async Task RunAsync(string workingDirectory, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["KIOTA_OFFLINE_ENABLED"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
    }
}
