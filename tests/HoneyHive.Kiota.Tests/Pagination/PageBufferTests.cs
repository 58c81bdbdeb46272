using HoneyHive.Kiota.Pagination;
using HoneyHive.Kiota.Serialization;
using HoneyHive.Kiota.Tests.Client;
using Xunit;

namespace HoneyHive.Kiota.Tests.Pagination;

/// <summary>
/// A page's body is read into one pooled buffer, which the page then owns: rentals of <see cref="BodyBufferPool"/>
/// counted per read show one per page and at most N + 1 held with <see cref="EventQuery.MaxConcurrency"/> = N.
/// </summary>
public sealed class PageBufferTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1, false)]
    [InlineData(4, false)]
    [InlineData(4, true)]
    [InlineData(8, true)]
    public async Task Each_page_is_one_rental_and_no_more_than_N_plus_one_are_held(int concurrency, bool export)
    {
        using var server = PageServer.Honest(100);
        using var client = TestClients.Create(server);
        var ledger = BodyBufferPool.StartLedger();
        var query = new EventQuery("p") { PageSize = 10, MaxConcurrency = concurrency };

        var read = 0;
        await foreach (var e in export ? client.ExportEventsAsync(query) : client.GetEventsAsync(query))
        {
            if (read++ % 10 == 0)
            {
                // Each page is held until every page ahead has arrived and been buffered: the most a read can hold.
                var page = read / 10 + 1;
                var ahead = concurrency > 1 ? Math.Min(concurrency, 10 - page) : 0;
                await EventuallyAsync(() => ledger.Held == 1 + ahead, $"page {page}: {1 + ahead} buffers held, {ledger.Held} are");
            }
        }

        Assert.Equal(100, read);
        // One rental per page: the body is scanned in the buffer it was read into, never copied.
        Assert.Equal(10, ledger.Rentals);
        Assert.Equal(concurrency > 1 ? concurrency + 1 : 1, ledger.Peak);
        Assert.Equal(0, ledger.Held);
    }

    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var started = DateTime.UtcNow;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow - started < Patience, what);
            await Task.Delay(5);
        }
    }
}
