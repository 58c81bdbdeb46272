using System.Net;

namespace HoneyHive.Kiota.Errors;

/// <summary>Turns a failed response into the matching typed exception.</summary>
internal static class ErrorFactory
{
    // How much of the body goes into the message itself; the full excerpt stays on the exception.
    private const int MessageExcerptLength = 300;

    public static HoneyHiveApiException Create(HoneyHiveResponseDetails details, TimeSpan? retryAfter)
    {
        var status = details.StatusCode;
        var summary = $"HoneyHive API answered {status} {ReasonOf(status)} to {details.Method} {details.Path}{RequestIdSuffix(details)}";
        return status switch
        {
            401 or 403 => new HoneyHiveAuthenticationException(
                $"{summary}. Check the API key passed to HoneyHiveClient (for example the HH_API_KEY environment variable) and that it has access to the project.{BodySuffix(details)}",
                details),
            404 => new HoneyHiveNotFoundException($"{summary}. Check the base URL and project.{BodySuffix(details)}", details),
            429 => new HoneyHiveRateLimitException(
                $"{summary}. Rate limited{(retryAfter is { } wait ? $"; the server asked to wait {wait.TotalSeconds:0.###} s" : string.Empty)}.{BodySuffix(details)}",
                details,
                retryAfter),
            >= 500 and <= 599 => new HoneyHiveServerException($"{summary}.{BodySuffix(details)}", details),
            _ => new HoneyHiveApiException($"{summary}.{BodySuffix(details)}", details),
        };
    }

    public static HoneyHiveResponseFormatException CreateFormat(string problem, HoneyHiveResponseDetails details, Exception? innerException = null) =>
        new($"HoneyHive API answered {details.StatusCode} to {details.Method} {details.Path}{RequestIdSuffix(details)}, but {problem}.{BodySuffix(details)}", details, innerException);

    private static string ReasonOf(int status) =>
        Enum.IsDefined((HttpStatusCode)status) ? ((HttpStatusCode)status).ToString() : string.Empty;

    private static string RequestIdSuffix(HoneyHiveResponseDetails details) =>
        details.RequestId is { } id ? $" (request id {id})" : string.Empty;

    private static string BodySuffix(HoneyHiveResponseDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.BodyExcerpt))
        {
            return string.Empty;
        }

        var body = details.BodyExcerpt.Length > MessageExcerptLength ? details.BodyExcerpt[..MessageExcerptLength] + "…" : details.BodyExcerpt;
        return $" Response body: {body}";
    }
}
