using System.Text;

namespace HoneyHive.Kiota.Errors;

/// <summary>Collects a <see cref="HoneyHiveResponseDetails"/> from a (buffered) response.</summary>
internal static class ResponseDetailsReader
{
    // Error bodies are small; reading more than this to build an excerpt is wasted work.
    private const int MaxBytesDecoded = 64 * 1024;

    private static readonly string[] RequestIdHeaders = ["x-request-id", "request-id", "x-amzn-requestid"];

    public static async Task<HoneyHiveResponseDetails> ReadAsync(HttpResponseMessage response, SecretRedactor redactor, CancellationToken cancellationToken) =>
        Describe(response, redactor) with { BodyExcerpt = await ReadExcerptAsync(response, redactor, cancellationToken).ConfigureAwait(false) };

    /// <summary>The response without its body: for a body already read (a parse failure) or never sent (a redirect).</summary>
    /// <param name="response">The response.</param>
    /// <param name="redactor">Removes the key from the request id and headers.</param>
    /// <param name="request">The request the caller sent, when the response answers a follow-up (a redirect).</param>
    public static HoneyHiveResponseDetails Describe(HttpResponseMessage response, SecretRedactor redactor, HttpRequestMessage? request = null)
    {
        request ??= response.RequestMessage;
        return new HoneyHiveResponseDetails(
            (int)response.StatusCode,
            request?.Method.Method,
            request?.RequestUri?.AbsolutePath,
            FindRequestId(response, redactor),
            BodyExcerpt: null,
            CopyHeaders(response, redactor));
    }

    /// <summary>The server's request id, redacted: a server (or proxy) that echoes request headers can put the
    /// key there, and the id is quoted in exception messages.</summary>
    private static string? FindRequestId(HttpResponseMessage response, SecretRedactor redactor)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                var value = values.FirstOrDefault();
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return redactor.Redact(value.Trim());
                }
            }
        }

        return null;
    }

    private static async Task<string?> ReadExcerptAsync(HttpResponseMessage response, SecretRedactor redactor, CancellationToken cancellationToken)
    {
        try
        {
            // The content is buffered by the timeout handler, so this copies bytes already in memory.
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (bytes.Length == 0)
            {
                return null;
            }

            var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, MaxBytesDecoded));
            return redactor.RedactAndTruncate(text, HoneyHiveApiException.MaxBodyExcerptLength);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The body is a diagnostic extra: failing to read it must not hide the status code.
            return null;
        }
    }

    /// <summary>The response headers, every value redacted (an exception carries them; a server may echo the key).</summary>
    public static Dictionary<string, IEnumerable<string>> CopyHeaders(HttpResponseMessage response, SecretRedactor redactor)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = header.Value.Select(redactor.Redact).ToArray();
        }

        return headers;
    }
}
