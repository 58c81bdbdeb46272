namespace HoneyHive.Kiota.Http;

/// <summary>Content-type checks shared by the handlers.</summary>
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
}
