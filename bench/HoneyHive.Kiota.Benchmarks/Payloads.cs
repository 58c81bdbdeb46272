using HoneyHive.Bench.Shared;

namespace HoneyHive.Kiota.Benchmarks;

/// <summary>The JSON every benchmark reads, built once per process from the seeded factory.</summary>
/// <remarks>Same seed and counts on both sides of every comparison, so only the code under test differs.</remarks>
internal static class Payloads
{
    /// <summary>The API's maximum page size (GET /events <c>limit</c> max).</summary>
    public const int PageEvents = 7_500;

    /// <summary>A large but ordinary batch upload.</summary>
    public const int BatchEvents = 1_000;

    private static readonly Lazy<byte[]> PageBytes = new(() => new EventPageFactory().CreatePageJson(PageEvents));
    private static readonly Lazy<byte[]> BatchBytes = new(() => new EventPageFactory().CreateBatchRequestJson(BatchEvents));

    public static byte[] Page => PageBytes.Value;

    public static byte[] Batch => BatchBytes.Value;
}
