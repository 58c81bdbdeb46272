using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

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
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, value);
        return ReadAll(writer);
    }

    /// <summary>Serializes models to a compact JSON array.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="values">The models.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<T>(IEnumerable<T> values) where T : IParsable
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteCollectionOfObjectValues(null, values);
        return ReadAll(writer);
    }

    private static string ReadAll(JsonSerializationWriter writer)
    {
        using var content = writer.GetSerializedContent();
        using var reader = new StreamReader(content);
        return reader.ReadToEnd();
    }
}
