namespace HoneyHive.Kiota.Errors;

/// <summary>
/// The request never got an answer: the connection was refused or reset, the host was not found, TLS
/// failed (after retries, where the request was safe to repeat).
/// </summary>
/// <remarks>
/// Wraps the <see cref="HttpRequestException"/> (its <see cref="HttpRequestException.HttpRequestError"/>
/// says which) so that one <c>catch (ApiException)</c> catches every way a HoneyHive call can fail.
/// </remarks>
public sealed class HoneyHiveConnectionException : HoneyHiveApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The network error.</param>
    public HoneyHiveConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The kind of network error, when the networking stack said.</summary>
    public HttpRequestError Error => (InnerException as HttpRequestException)?.HttpRequestError ?? HttpRequestError.Unknown;
}
