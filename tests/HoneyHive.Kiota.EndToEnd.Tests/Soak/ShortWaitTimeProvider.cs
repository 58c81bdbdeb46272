namespace HoneyHive.Kiota.EndToEnd.Tests.Soak;

/// <summary>
/// The system clock, with every wait of up to 2 s cut to 5 ms: the client still takes each Retry-After and
/// backoff path (and the soak counts them) without the suite sleeping through them, while its request
/// timeouts (minutes) stay as they are.
/// </summary>
internal sealed class ShortWaitTimeProvider : TimeProvider
{
    private static readonly TimeSpan Shortened = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Cut = TimeSpan.FromMilliseconds(5);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime > Cut && dueTime <= Shortened ? Cut : dueTime, period);
}
