namespace HoneyHive.Kiota.Testing;

internal enum Route { NotFound, MethodNotAllowed, ListEvents, ExportEvents, CreateBatch }

/// <summary>Maps method + path to an endpoint. The host is ignored so any base URL works.</summary>
internal static class Routing
{
    public const string EventsPath = "/events";
    public const string ExportPath = "/events/export";
    public const string BatchPath = "/events/batch";

    public static string NormalizePath(string path)
    {
        var trimmed = path.Trim().TrimEnd('/');
        return trimmed.StartsWith('/') ? trimmed : "/" + trimmed;
    }

    public static string NormalizePath(Uri? uri) =>
        uri is { IsAbsoluteUri: true } ? NormalizePath(uri.AbsolutePath) : NormalizePath(uri?.OriginalString.Split('?')[0] ?? "/");

    /// <summary>Returns the route and, for 405, the method the path does accept (for the <c>Allow</c> header).</summary>
    public static (Route Route, HttpMethod? Allowed) Match(HttpMethod method, string path)
    {
        var (route, allowed) = path switch
        {
            EventsPath => (Route.ListEvents, HttpMethod.Get),
            ExportPath => (Route.ExportEvents, HttpMethod.Post),
            BatchPath => (Route.CreateBatch, HttpMethod.Post),
            _ => (Route.NotFound, (HttpMethod?)null),
        };
        if (route == Route.NotFound)
        {
            return (route, null);
        }

        return method == allowed ? (route, allowed) : (Route.MethodNotAllowed, allowed);
    }
}
