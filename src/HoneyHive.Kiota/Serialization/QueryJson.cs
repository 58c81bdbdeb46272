using System.Text;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// JSON text for query-string parameters whose OpenAPI description declares
/// <c>content: application/json</c> (GET /events takes <c>filters</c> and <c>dateRange</c> that way);
/// the URL template percent-encodes the text afterwards.
/// </summary>
public static class QueryJson
{
    /// <summary>Serializes one model to compact JSON text.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="value">The model.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<T>(T value) where T : IParsable
    {
        using var writer = new HoneyHiveJsonSerializationWriter();
        writer.WriteObjectValue(null, value);
        return ReadAll(writer);
    }

    /// <summary>Serializes models to a compact JSON array.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="values">The models.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<T>(IEnumerable<T> values) where T : IParsable
    {
        using var writer = new HoneyHiveJsonSerializationWriter();
        writer.WriteCollectionOfObjectValues(null, values);
        return ReadAll(writer);
    }

    private static string ReadAll(ISerializationWriter writer)
    {
        using var content = writer.GetSerializedContent();
        // Kiota's writer hands back a pooled memory stream: decoding its buffer in place skips a
        // StreamReader's byte and char buffers (about 4 KB per query value, twice per GET /events).
        if (content is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            return Encoding.UTF8.GetString(buffer);
        }

        using var reader = new StreamReader(content);
        return reader.ReadToEnd();
    }
}
