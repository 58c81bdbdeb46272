using System.Text;

namespace HoneyHive.Kiota.Testing;

/// <summary>A request exactly as the fake received it, kept so tests can assert on the wire format.</summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(HttpMethod method, string pathAndQuery, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, byte[] body)
    {
        Method = method;
        PathAndQuery = pathAndQuery;
        Headers = headers;
        Body = body;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The escaped path and query string, as sent (for example <c>/events?project=p&amp;filters=%5B%5D</c>).</summary>
    public string PathAndQuery { get; }

    /// <summary>Request and content headers, keyed case-insensitively.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The raw request body (empty when there was none).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The request body decoded as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>Returns the values of a header joined with <c>", "</c>, or <see langword="null"/> when absent.</summary>
    /// <param name="name">The header name (case-insensitive).</param>
    public string? Header(string name) =>
        Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;

    internal static RecordedRequest From(HttpRequestMessage request, byte[] body)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = header.Value.ToArray();
        }

        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = header.Value.ToArray();
            }
        }

        var pathAndQuery = request.RequestUri is { IsAbsoluteUri: true } uri
            ? uri.PathAndQuery
            : request.RequestUri?.OriginalString ?? string.Empty;
        return new RecordedRequest(request.Method, pathAndQuery, headers, body);
    }
}
