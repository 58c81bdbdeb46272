namespace HoneyHive.Kiota.Http;

/// <summary>Recognises the three events endpoints from a request, whatever path prefix the base URL has.</summary>
internal static class Endpoints
{
    public static bool IsBatch(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && PathEndsWith(request, "/events/batch");

    public static bool IsExport(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && PathEndsWith(request, "/events/export");

    /// <summary>The endpoint as telemetry names it: <c>GET /events</c>, <c>POST /events/export</c>,
    /// <c>POST /events/batch</c>; the method and path for anything else.</summary>
    public static string Name(HttpRequestMessage request) =>
        IsBatch(request) ? "POST /events/batch"
        : IsExport(request) ? "POST /events/export"
        : request.Method == HttpMethod.Get && PathEndsWith(request, "/events") ? "GET /events"
        : $"{request.Method.Method} {request.RequestUri?.AbsolutePath}";

    private static bool PathEndsWith(HttpRequestMessage request, string suffix) =>
        request.RequestUri?.AbsolutePath.TrimEnd('/').EndsWith(suffix, StringComparison.OrdinalIgnoreCase) == true;
}
