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

    /// <summary>A body the reader refused, told with the response it came in: "…, but the response body is not valid
    /// JSON at line 1, byte 17." The reader's sentence is the problem, not a quotation inside another one.</summary>
    public static HoneyHiveResponseFormatException CreateFormat(HoneyHiveResponseFormatException bodyError, HoneyHiveResponseDetails details)
    {
        var sentence = bodyError.Message.TrimEnd('.');
        var problem = sentence.Length > 0 ? char.ToLowerInvariant(sentence[0]) + sentence[1..] : "its body could not be read";
        return CreateFormat(problem, details, bodyError);
    }

    /// <summary>Every answer was a redirect, more of them in a row than the client follows.</summary>
    public static HoneyHiveApiException CreateRedirectLoop(HoneyHiveResponseDetails details, int redirects, int maxRedirects, string? location, Exception innerException) =>
        new(
            $"HoneyHive API answered {details.StatusCode} {ReasonOf(details.StatusCode)} to {details.Method} {details.Path}{RequestIdSuffix(details)}: "
            + $"{redirects} redirects in a row{(location is null ? string.Empty : $", the last to {location}")}, more than the {maxRedirects} the client follows "
            + "(a redirect loop). Check the base URL and any proxy in front of the API.",
            details,
            innerException);

    /// <summary>A redirect the client would not or could not follow (no Location, a change of scheme).</summary>
    public static HoneyHiveApiException CreateRedirectFailure(HoneyHiveResponseDetails details, string? location, Exception innerException) =>
        new(
            $"HoneyHive API answered {details.StatusCode} {ReasonOf(details.StatusCode)} to {details.Method} {details.Path}{RequestIdSuffix(details)}"
            + $"{(location is null ? string.Empty : $" (to {location})")}, and the redirect was not followed: {innerException.Message}",
            details,
            innerException);

    // HttpStatusCode has two names for most redirects (307 is RedirectKeepVerb and TemporaryRedirect); these are the RFC's.
    private static string ReasonOf(int status) => status switch
    {
        301 => "MovedPermanently",
        302 => "Found",
        303 => "SeeOther",
        307 => "TemporaryRedirect",
        308 => "PermanentRedirect",
        _ => Enum.IsDefined((HttpStatusCode)status) ? ((HttpStatusCode)status).ToString() : string.Empty,
    };

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
