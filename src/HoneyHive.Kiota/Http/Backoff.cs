namespace HoneyHive.Kiota.Http;

/// <summary>
/// Exponential backoff with "equal jitter", shared by the transient-retry handler and the pager's re-fetch of a page
/// whose body broke off: the cap is <see cref="BaseDelay"/> × 2^attempt (at most <see cref="MaxDelay"/>), the wait
/// random between half the cap and the cap.
/// </summary>
/// <remarks>
/// The random half keeps many clients that met the same outage from coming back in lockstep; the fixed half keeps a
/// retry from following its failure at once, and keeps each wait's range apart from the previous one's.
/// </remarks>
internal readonly record struct Backoff(TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>The wait before retry number <paramref name="attempt"/> + 1.</summary>
    public TimeSpan Delay(int attempt)
    {
        var cap = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds((cap / 2) + (cap / 2 * Random.Shared.NextDouble()));
    }
}
