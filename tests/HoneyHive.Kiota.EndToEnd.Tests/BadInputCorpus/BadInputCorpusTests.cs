using System.Net;
using System.Text.Json;
using HoneyHive.Kiota.EndToEnd.Tests.Support;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.EndToEnd.Tests.BadInputCorpus;

/// <summary>
/// Serves every body in BadInput/ through HoneyHiveClient (the whole pipeline: error translation,
/// content checks, parse node factory) for both read operations, and requires exactly the outcome the
/// manifest documents: the named typed exception, or success with the tolerated values. Any other
/// exception type fails the test.
/// </summary>
public sealed class BadInputCorpusTests
{
    public static TheoryData<CorpusEntry, string> Entries()
    {
        var data = new TheoryData<CorpusEntry, string>();
        foreach (var entry in CorpusEntry.LoadAll())
        {
            data.Add(entry, "GET /events");
            data.Add(entry, "POST /events/export");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task Body_gives_the_documented_outcome(CorpusEntry entry, string operation)
    {
        var handler = new StaticResponseHandler((HttpStatusCode)entry.Status, entry.ReadBody(), entry.ContentType);
        using var client = Clients.ForHandler(handler);

        EventList? list = null;
        Exception? thrown = null;
        try
        {
            list = await ReadAsync(client, operation);
        }
        catch (Exception ex)
        {
            thrown = ex;
        }

        if (entry.Expect == CorpusEntry.Tolerated)
        {
            Assert.True(thrown is null, $"{entry.File}: expected success ({entry.Why}) but got {thrown}");
            Assert.NotNull(list);
            using var read = JsonDocument.Parse(entry.ReadJson ?? "{}");
            ToleratedValues.AssertMatches(read.RootElement, list);
        }
        else
        {
            Assert.True(thrown is not null, $"{entry.File}: expected {entry.Expect} ({entry.Why}) but the read succeeded");
            Assert.True(entry.Expect == thrown.GetType().Name, $"{entry.File}: expected {entry.Expect} but got {thrown}");
            var api = Assert.IsAssignableFrom<HoneyHiveApiException>(thrown);
            // The exception says which response it was about, whichever layer raised it.
            Assert.Equal(entry.Status, api.ResponseStatusCode);
            Assert.Equal(operation.Split(' ')[1], api.RequestPath);
        }

        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public void Manifest_lists_every_file_once_and_at_least_forty()
    {
        var entries = CorpusEntry.LoadAll();
        var files = Directory.GetFiles(CorpusEntry.Directory).Select(Path.GetFileName).Where(f => f != "manifest.json" && !f!.StartsWith('.')).Order(StringComparer.Ordinal);

        Assert.True(entries.Count >= 40, $"only {entries.Count} entries");
        Assert.Equal(files, entries.Select(e => e.File).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.True(
            e.Expect == CorpusEntry.Tolerated || typeof(HoneyHiveApiException).Assembly.GetType($"HoneyHive.Kiota.Errors.{e.Expect}") is not null,
            $"{e.File}: unknown outcome {e.Expect}"));
        Assert.All(entries.Where(e => e.Expect == CorpusEntry.Tolerated), e => Assert.NotNull(e.ReadJson));
    }

    private static Task<EventList?> ReadAsync(HoneyHiveClient client, string operation) => operation switch
    {
        "GET /events" => client.Api.Events.GetAsync(config =>
        {
            config.QueryParameters.Project = Clients.Project;
            config.QueryParameters.Filters = "[]";
        }),
        _ => client.Api.Events.Export.PostAsync(new ExportEventsRequest { Project = Clients.Project, Filters = [] }),
    };
}
