using HoneyHive.Kiota.Batching;
using Xunit;

namespace HoneyHive.Kiota.Tests.Batching;

public sealed class EventIdsTests
{
    [Fact]
    public void New_ids_are_distinct_version_4_uuids_in_the_usual_form_across_buffer_refills()
    {
        // 200 ids use 3,200 random bytes: more than three refills of the 1 KiB buffer.
        var ids = Enumerable.Range(0, 200).Select(_ => EventIds.NewId()).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id =>
        {
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
            Assert.Equal(4, Guid.Parse(id).Version);
        });
    }

    [Fact]
    public async Task Ids_drawn_on_many_threads_at_once_are_distinct()
    {
        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Enumerable.Range(0, 500).Select(_ => EventIds.NewId()).ToList())));

        var all = batches.SelectMany(b => b).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
    }
}
