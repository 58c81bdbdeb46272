using System.Globalization;
using System.Text;
using HoneyHive.Bench.Shared;

namespace HoneyHive.Kiota.Benchmarks.Export;

/// <summary>
/// The pages of one multi-page export: page p is the seeded factory's page for seed 20240401 + p (so no two pages
/// hold the same events, which the pager would take for a server ignoring the page number), with
/// <c>totalEvents</c> set to the whole read's count so the read stops after the last page.
/// </summary>
internal static class ExportPages
{
    public const string Project = "bench-export";

    /// <summary><paramref name="pages"/> pages of <paramref name="eventsPerPage"/> events; with <paramref name="padTo"/>,
    /// each page carries a top-level <c>"note"</c> string that brings it to exactly that many bytes.</summary>
    public static byte[][] Build(int pages, int eventsPerPage, int? padTo = null)
    {
        var total = (long)pages * eventsPerPage;
        var bodies = new byte[pages][];
        for (var p = 0; p < pages; p++)
        {
            var page = new EventPageFactory(20240401 + p + 1).CreatePageJson(eventsPerPage);
            var cut = page.AsSpan().LastIndexOf("\"totalEvents\":"u8);
            var tail = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"\"totalEvents\":{total}}}"));
            byte[] body = [.. page.AsSpan(0, cut), .. tail];
            bodies[p] = padTo is { } size ? Pad(body, size) : body;
        }

        return bodies;
    }

    // {"note":"xxx…", …the page…}: a field both readers skip, so only the bytes held change.
    private static byte[] Pad(byte[] body, int size)
    {
        var prefix = "{\"note\":\""u8;
        // The page loses its "{" (1 byte) to the prefix and gains the two bytes that close the note.
        var filler = size - prefix.Length - 2 - (body.Length - 1);
        if (filler < 0)
        {
            throw new InvalidOperationException($"the page is {body.Length:N0} bytes already, over {size:N0}");
        }

        var padded = new byte[size];
        prefix.CopyTo(padded);
        padded.AsSpan(prefix.Length, filler).Fill((byte)'x');
        "\","u8.CopyTo(padded.AsSpan(prefix.Length + filler));
        body.AsSpan(1).CopyTo(padded.AsSpan(prefix.Length + filler + 2));
        return padded;
    }
}
