namespace HoneyHive.Kiota.Streaming;

/// <summary>
/// <c>--trace</c>: the memory picture as each page is requested, on stderr, to see where a peak
/// comes from (live data after the last collection, or garbage waiting for one; LOH or not).
/// </summary>
internal static class PageTrace
{
    public static void Print(int page)
    {
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        Console.Error.WriteLine(
            $"page {page}: WS {Environment.WorkingSet >> 20} MiB, GC heap now {GC.GetTotalMemory(false) >> 20} MiB; " +
            $"after last GC (gen {gc.Generation}): heap {gc.HeapSizeBytes >> 20}, LOH {gc.GenerationInfo[3].SizeAfterBytes >> 20}, " +
            $"fragmented {gc.FragmentedBytes >> 20}, committed {gc.TotalCommittedBytes >> 20} MiB; " +
            $"collections gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
    }
}
