namespace HoneyHive.Kiota.Errors;

/// <summary>
/// What a <see cref="HoneyHiveApiException"/> records about a response: already stripped of the query
/// string and with the body excerpt redacted and bounded.
/// </summary>
internal sealed record HoneyHiveResponseDetails(
    int StatusCode,
    string? Method,
    string? Path,
    string? RequestId,
    string? BodyExcerpt,
    IDictionary<string, IEnumerable<string>> Headers);
