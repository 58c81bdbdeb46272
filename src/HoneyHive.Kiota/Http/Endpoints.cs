namespace HoneyHive.Kiota.Http;

/// <summary>Recognises the three events endpoints from a request, whatever path prefix the base URL has.</summary>
internal static class Endpoints
{
    public static bool IsBatch(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && PathEndsWith(request, "/events/batch");

    public static bool IsExport(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && PathEndsWith(request, "/events/export");

    private static bool PathEndsWith(HttpRequestMessage request, string suffix) =>
        request.RequestUri?.AbsolutePath.TrimEnd('/').EndsWith(suffix, StringComparison.OrdinalIgnoreCase) == true;
}
