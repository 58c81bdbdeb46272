using System.Text.Json;
using HoneyHive.Bench.Shared.Models;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace HoneyHive.Kiota.Benchmarks;

/// <summary>The two ways of writing a batch body, shared by the benchmark and the self-check.</summary>
internal static class Serializers
{
    /// <summary>The baseline's models, read from the batch JSON once (free-form fields are JsonObjects).</summary>
    public static StjBatchRequest StjRequest(byte[] json) =>
        JsonSerializer.Deserialize(json, StjContext.Default.StjBatchRequest)
        ?? throw new InvalidOperationException("the batch JSON read as null");

    /// <summary>The generated models, read from the batch JSON once through the library's parse node.</summary>
    public static BatchEventsRequest KiotaRequest(byte[] json)
    {
        var node = new HoneyHiveJsonParseNodeFactory()
            .GetRootParseNodeAsync("application/json", new MemoryStream(json)).GetAwaiter().GetResult();
        return node.GetObjectValue(BatchEventsRequest.CreateFromDiscriminatorValue);
    }

    public static byte[] Stj(StjBatchRequest request) =>
        JsonSerializer.SerializeToUtf8Bytes(request, StjContext.Default.StjBatchRequest);

    /// <summary>What <c>RequestInformation.SetContentFromParsable</c> does with a body, on Kiota's own writer.</summary>
    public static Stream Kiota(BatchEventsRequest request) => Write(new JsonSerializationWriter(), request);

    /// <summary>The same on the writer the client's request adapter uses.</summary>
    public static Stream HoneyHive(BatchEventsRequest request) => Write(new HoneyHiveJsonSerializationWriter(), request);

    private static Stream Write(ISerializationWriter writer, BatchEventsRequest request)
    {
        using (writer)
        {
            writer.WriteObjectValue(null, request);
            return writer.GetSerializedContent();
        }
    }
}
