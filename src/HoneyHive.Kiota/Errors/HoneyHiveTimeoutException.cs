namespace HoneyHive.Kiota.Errors;

/// <summary>
/// An attempt took longer than the configured per-attempt timeout (and retries, if allowed, were
/// exhausted). Distinct from the caller's own cancellation, which surfaces as
/// <see cref="OperationCanceledException"/>.
/// </summary>
/// <remarks>
/// Derives from <see cref="TimeoutException"/> rather than Kiota's <c>ApiException</c>, because no
/// response was received.
/// </remarks>
public sealed class HoneyHiveTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What timed out.</param>
    /// <param name="timeout">The per-attempt timeout that elapsed.</param>
    /// <param name="innerException">The cancellation that ended the attempt.</param>
    public HoneyHiveTimeoutException(string message, TimeSpan timeout, Exception? innerException = null) : base(message, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The per-attempt timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }
}
