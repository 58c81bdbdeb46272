namespace HoneyHive.Kiota.Errors;

/// <summary>
/// An attempt took longer than the configured per-attempt timeout (and retries, if allowed, were
/// exhausted). Distinct from the caller's own cancellation, which surfaces as
/// <see cref="OperationCanceledException"/>.
/// </summary>
/// <remarks>
/// No response was received, so there is no status code; it derives from <see cref="HoneyHiveApiException"/>
/// (and Kiota's <c>ApiException</c>) all the same, so that one <c>catch (ApiException)</c> catches every way a
/// HoneyHive call can fail. The <see cref="TimeoutException"/> that ended the attempt is the inner exception.
/// </remarks>
public sealed class HoneyHiveTimeoutException : HoneyHiveApiException
{
    internal HoneyHiveTimeoutException(string message, TimeSpan timeout, Exception? innerException = null)
        : base(message, new TimeoutException(message, innerException))
    {
        Timeout = timeout;
    }

    /// <summary>The per-attempt timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }
}
