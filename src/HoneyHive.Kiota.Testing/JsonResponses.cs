using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

/// <summary>Builds HTTP responses; JSON is written with <see cref="Utf8JsonWriter"/> (no reflection, AOT-safe).</summary>
internal static class JsonResponses
{
    public static HttpResponseMessage Json(HttpStatusCode status, JsonNode body) => Bytes(status, Serialize(body), "application/json");

    public static HttpResponseMessage RawJson(HttpStatusCode status, string json) => Bytes(status, Encoding.UTF8.GetBytes(json), "application/json");

    public static HttpResponseMessage Error(HttpStatusCode status, string message) =>
        Json(status, new JsonObject { ["error"] = message });

    public static HttpResponseMessage Html(HttpStatusCode status, string html) => Bytes(status, Encoding.UTF8.GetBytes(html), "text/html");

    public static byte[] Serialize(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static HttpResponseMessage Bytes(HttpStatusCode status, byte[] body, string mediaType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return new HttpResponseMessage(status) { Content = content };
    }
}
