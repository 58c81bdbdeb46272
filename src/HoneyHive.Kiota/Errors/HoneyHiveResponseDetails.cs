namespace HoneyHive.Kiota.Errors;

/// <summary>
/// What a <see cref="HoneyHiveApiException"/> records about a response: already stripped of the query
/// string and with the body excerpt redacted and bounded.
/// </summary>
/// <param name="StatusCode">The HTTP status code (0 when unknown).</param>
/// <param name="Method">The request's HTTP method.</param>
/// <param name="Path">The request's path, without the query string.</param>
/// <param name="RequestId">The server's request id, if it sent one.</param>
/// <param name="BodyExcerpt">A bounded, redacted excerpt of the response body.</param>
/// <param name="Headers">The response headers.</param>
public sealed record HoneyHiveResponseDetails(
    int StatusCode,
    string? Method,
    string? Path,
    string? RequestId,
    string? BodyExcerpt,
    IDictionary<string, IEnumerable<string>> Headers);
