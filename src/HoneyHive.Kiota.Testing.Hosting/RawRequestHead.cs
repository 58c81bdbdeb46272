namespace HoneyHive.Kiota.Testing.Hosting;

/// <summary>The request line and headers of one HTTP/1.1 request, as read off the socket.</summary>
internal sealed record RawRequestHead(string Method, string Target, string Version, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>The declared body length, or null (none declared, or chunked).</summary>
    public long? ContentLength =>
        Header("Content-Length") is { } text && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
            ? length
            : null;

    public bool Chunked => Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>HTTP/1.1 keeps the connection unless the client says otherwise; HTTP/1.0 closes unless it asks.</summary>
    public bool KeepAlive => Version == "HTTP/1.1"
        ? Header("Connection")?.Contains("close", StringComparison.OrdinalIgnoreCase) != true
        : Header("Connection")?.Contains("keep-alive", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The path of the target, without the query.</summary>
    public string Path => Target.Split('?', 2)[0];

    public string? Header(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The request as the fake takes it, with <paramref name="body"/> as its content.</summary>
    public HttpRequestMessage ToRequestMessage(Uri baseAddress, byte[] body)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(baseAddress, Target));
        if (body.Length > 0 || ContentLength is not null || Chunked)
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var (name, value) in Headers)
        {
            // The content's own length and framing describe the bytes read, not these.
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }
}
