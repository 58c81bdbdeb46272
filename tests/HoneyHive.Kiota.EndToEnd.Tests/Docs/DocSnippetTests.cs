using HoneyHive.Kiota.EndToEnd.Tests.Support;
using HoneyHive.Kiota.Testing;
using HoneyHive.Kiota.Testing.Hosting;

namespace HoneyHive.Kiota.EndToEnd.Tests.Docs;

/// <summary>
/// Every C# block of the repository's Markdown (README.md, docs/*.md, the packages' PACKAGE.md and README.md),
/// read from the Markdown when the tests run, compiles as written; the whole programs among them also run, with
/// <c>HH_API_KEY</c> and <c>HH_API_URL</c> pointing at the in-memory HoneyHive on a loopback port. A block that is
/// deliberately a fragment is marked in the Markdown by a comment just before its fence,
/// <c>&lt;!-- fragment: DECLARATIONS --&gt;</c>, and compiled in an async method body after those declarations
/// (usings among them go to the top of the file); see the README's "Docs that compile".
/// </summary>
public sealed class DocSnippetTests
{
    public static TheoryData<string> Locations() => new(RepositoryMarkdown.Snippets.Select(s => s.ToString()));

    public static TheoryData<string> Programs() => new(RepositoryMarkdown.Snippets.Where(s => !s.IsFragment && SnippetCompiler.HasStatements(s.Code)).Select(s => s.ToString()));

    [Theory]
    [MemberData(nameof(Locations))]
    public void The_block_compiles_as_written(string location)
    {
        var snippet = RepositoryMarkdown.Find(location);

        var (_, errors) = SnippetCompiler.Compile(snippet);

        Assert.True(errors.Count == 0, $"{location} does not compile:\n{string.Join('\n', errors)}\n--- code ---\n{snippet.Code}");
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task The_program_runs_against_the_in_memory_HoneyHive(string location)
    {
        var snippet = RepositoryMarkdown.Find(location);
        var (assembly, errors) = SnippetCompiler.Compile(snippet);
        Assert.True(assembly is not null, string.Join('\n', errors));
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = "docs-key" });
        fake.AddEventsJson($$$"""
            [{"project":"Simple RAG","event_type":"model","event_name":"Model Completion","start_time":{{{DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds()}}},"metadata":{"cost":0.02}},
             {"project":"my-project","event_type":"model","event_name":"Model Completion","metadata":{"cost":0.02}}]
            """);
        await using var server = await LoopbackHoneyHive.StartAsync(fake);

        using (EnvironmentVariables.Set(("HH_API_KEY", "docs-key"), ("HH_API_URL", server.BaseAddress.ToString())))
        {
            await SnippetCompiler.RunAsync(assembly);
        }

        // Whatever the program does, it did it through the fake (a program that sends nothing sends nothing).
        Assert.All(fake.Requests, r => Assert.Equal("Bearer docs-key", r.Header("Authorization")));
    }

    [Fact]
    public void The_docs_hold_blocks_of_both_kinds_in_every_documented_place()
    {
        var files = RepositoryMarkdown.Snippets.Select(s => s.File).ToHashSet();

        Assert.Contains("README.md", files);
        Assert.Contains("docs/CLIENT.md", files);
        Assert.Contains("docs/FLOWS.md", files);
        Assert.Contains("src/HoneyHive.Kiota/PACKAGE.md", files);
        Assert.Contains(RepositoryMarkdown.Snippets, s => s.IsFragment);
        Assert.Contains(RepositoryMarkdown.Snippets, s => !s.IsFragment);
    }

    [Fact]
    public void A_stale_snippet_fails_with_the_compilers_error_at_its_markdown_line()
    {
        // CLIENT.md's quickstart before filters became a JSON string.
        var stale = new MarkdownSnippet("docs/STALE.md", 40, """
            using HoneyHive.Kiota;
            using HoneyHive.Kiota.Models;

            using var client = HoneyHiveClient.FromEnvironment();
            EventList? page = await client.Api.Events.GetAsync(config =>
            {
                config.QueryParameters.Filters = [new EventFilter { Field = "event_type", Value = "model" }];
            });
            """, Context: null);

        var (assembly, errors) = SnippetCompiler.Compile(stale);

        Assert.Null(assembly);
        Assert.Contains(errors, e => e.StartsWith("docs/STALE.md:46: CS", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fragment_compiles_after_its_context()
    {
        var fragment = new MarkdownSnippet("docs/FRAGMENT.md", 10, """
            using HoneyHive.Kiota.Pagination;
            await foreach (var e in client.GetEventsAsync(new EventQuery("p"), cancellationToken)) Console.WriteLine(e.EventId);
            """, Context: "using HoneyHive.Kiota; HoneyHiveClient client = null!; CancellationToken cancellationToken = default;");
        var missing = fragment with { Context = "HoneyHiveClient client = null!;" };

        Assert.Empty(SnippetCompiler.Compile(fragment).Errors);
        Assert.Contains(SnippetCompiler.Compile(missing).Errors, e => e.Contains("CS0246", StringComparison.Ordinal) || e.Contains("CS0103", StringComparison.Ordinal));
    }
}
