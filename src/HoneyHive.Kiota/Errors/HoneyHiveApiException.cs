using System.Net;
using Microsoft.Kiota.Abstractions;

namespace HoneyHive.Kiota.Errors;

/// <summary>
/// An error answer from the HoneyHive API. Derives from Kiota's <see cref="ApiException"/> so that
/// code catching Kiota's exception keeps working.
/// </summary>
/// <remarks>
/// The message, <see cref="ResponseBodyExcerpt"/> and <see cref="Exception.ToString()"/> never contain
/// the API key: the body excerpt is redacted before it is stored.
/// </remarks>
public class HoneyHiveApiException : ApiException
{
    /// <summary>The longest body excerpt kept, in characters.</summary>
    public const int MaxBodyExcerptLength = 2048;

    internal HoneyHiveApiException(string message) : base(message)
    {
    }

    internal HoneyHiveApiException(string message, Exception innerException) : base(message, innerException)
    {
    }

    internal HoneyHiveApiException(string message, HoneyHiveResponseDetails details, Exception? innerException = null)
        : base(message, innerException!)
    {
        ArgumentNullException.ThrowIfNull(details);
        ResponseStatusCode = details.StatusCode;
        ResponseHeaders = details.Headers;
        RequestId = details.RequestId;
        RequestMethod = details.Method;
        RequestPath = details.Path;
        ResponseBodyExcerpt = details.BodyExcerpt;
    }

    /// <summary>The HTTP status code, or 0 when no response was read.</summary>
    public HttpStatusCode StatusCode => (HttpStatusCode)ResponseStatusCode;

    /// <summary>The server's request id (from <c>x-request-id</c>, <c>request-id</c> or <c>x-amzn-requestid</c>), for support tickets.</summary>
    public string? RequestId { get; }

    /// <summary>The HTTP method of the failed request.</summary>
    public string? RequestMethod { get; }

    /// <summary>The path of the failed request, without its query string (which can carry filters).</summary>
    public string? RequestPath { get; }

    /// <summary>
    /// At most <see cref="MaxBodyExcerptLength"/> characters of the response body, with the API key
    /// redacted should the server echo it.
    /// </summary>
    public string? ResponseBodyExcerpt { get; }
}
