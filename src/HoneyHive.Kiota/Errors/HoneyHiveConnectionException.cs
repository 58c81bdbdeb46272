namespace HoneyHive.Kiota.Errors;

/// <summary>
/// The request never got a complete answer: the connection was refused or reset, the host was not found, TLS
/// failed, or the connection closed or reset in the middle of the answer's body (after retries, where the
/// request was safe to repeat).
/// </summary>
/// <remarks>
/// Wraps the <see cref="HttpRequestException"/> (its <see cref="HttpRequestException.HttpRequestError"/>
/// says which; for an answer cut off mid-body its <see cref="HttpRequestException.StatusCode"/> is the status that
/// arrived, and the message says how many body bytes did) so that one <c>catch (ApiException)</c> catches every
/// way a HoneyHive call can fail. <see cref="Microsoft.Kiota.Abstractions.ApiException.ResponseStatusCode"/> stays 0:
/// no answer was complete.
/// </remarks>
public sealed class HoneyHiveConnectionException : HoneyHiveApiException
{
    internal HoneyHiveConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The kind of network error, when the networking stack said.</summary>
    public HttpRequestError Error => (InnerException as HttpRequestException)?.HttpRequestError ?? HttpRequestError.Unknown;
}
