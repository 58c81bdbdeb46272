namespace HoneyHive.Kiota.Http;

/// <summary>
/// Copies a request so it can be sent again: <see cref="HttpClient"/> refuses to send one message
/// twice, and a streamed body can only be read once.
/// </summary>
internal static class RequestCloner
{
    /// <summary>A copy of <paramref name="original"/> (headers, options, version) carrying <paramref name="content"/>.</summary>
    public static HttpRequestMessage Clone(HttpRequestMessage original, HttpContent? content)
    {
        var clone = new HttpRequestMessage(original.Method, original.RequestUri)
        {
            Version = original.Version,
            VersionPolicy = original.VersionPolicy,
            Content = content,
        };
        foreach (var header in original.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        // Kiota's request options (redirect, idempotency, observability) travel in Options.
        var options = (IDictionary<string, object?>)clone.Options;
        foreach (var option in original.Options)
        {
            options[option.Key] = option.Value;
        }

        return clone;
    }

    /// <summary>Fresh content over an already buffered body, with the original content headers.</summary>
    public static HttpContent? CopyContent(HttpContent? original, byte[]? body)
    {
        if (original is null || body is null)
        {
            return null;
        }

        var copy = new ByteArrayContent(body);
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }
}
