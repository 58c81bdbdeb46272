using System.Net;

namespace HoneyHive.Kiota.Http;

/// <summary>The one body check: is there a body, and is it JSON? Judged from the headers, before any byte is read.</summary>
internal static class MediaTypes
{
    public const string Json = "application/json";

    /// <summary>application/json or a structured <c>+json</c> type, which Kiota's registry also maps to JSON.</summary>
    public static bool IsJson(string? mediaType) =>
        mediaType is not null
        && (mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));

    /// <summary>True when the request's Accept header asks for JSON: every generated operation sets it.</summary>
    public static bool ExpectsJson(HttpRequestMessage request) =>
        request.Headers.Accept.Any(accept => IsJson(accept.MediaType));

    /// <summary>A 204, or a body that says it is empty.</summary>
    public static bool HasNoBody(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0;

    /// <summary>Why the response's body is not JSON, or null when its content type says it is.</summary>
    public static string? NotJsonReason(HttpResponseMessage response)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        return IsJson(mediaType) ? null : $"the content type is '{mediaType ?? "none"}' where JSON was expected";
    }
}
