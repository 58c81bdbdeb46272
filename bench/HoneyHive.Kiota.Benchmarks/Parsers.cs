using System.Text.Json;
using HoneyHive.Bench.Shared.Models;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace HoneyHive.Kiota.Benchmarks;

/// <summary>
/// The three ways of reading a page, shared by the benchmarks and the self-check so the check
/// verifies exactly the code that is timed.
/// </summary>
/// <remarks>
/// Every path starts from a fresh <see cref="MemoryStream"/> over the response bytes, as a
/// buffered HTTP response hands a deserializer a stream, never a ready byte array.
/// </remarks>
internal static class Parsers
{
    private static readonly HoneyHiveJsonParseNodeFactory Fast = new();
    private static readonly JsonParseNodeFactory Stock = new();

    public static async Task<StjEventList?> StjAsync(byte[] json) =>
        await JsonSerializer.DeserializeAsync(new MemoryStream(json), StjContext.Default.StjEventList).ConfigureAwait(false);

    public static Task<EventList> FastAsync(byte[] json) => KiotaAsync(Fast, json);

    public static Task<EventList> StockAsync(byte[] json) => KiotaAsync(Stock, json);

    private static async Task<EventList> KiotaAsync(IParseNodeFactory factory, byte[] json)
    {
        var node = await factory.GetRootParseNodeAsync("application/json", new MemoryStream(json)).ConfigureAwait(false);
        return node.GetObjectValue(EventList.CreateFromDiscriminatorValue);
    }
}
