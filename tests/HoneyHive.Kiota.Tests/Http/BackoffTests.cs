using HoneyHive.Kiota.Http;

namespace HoneyHive.Kiota.Tests.Http;

/// <summary>The one backoff of handler retries and page re-fetches: doubling caps, a ceiling, jitter in the upper half.</summary>
public class BackoffTests
{
    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(3, 500)]
    [InlineData(9, 500)]
    public void EachWaitLiesBetweenHalfItsCapAndTheCap(int attempt, double capMs)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));

        var waits = Enumerable.Range(0, 1_000).Select(_ => backoff.Delay(attempt).TotalMilliseconds).ToList();

        Assert.All(waits, wait => Assert.InRange(wait, capMs / 2, capMs));
        // Jittered: a thousand draws are not one value, and they reach both quarters of the range.
        Assert.Contains(waits, wait => wait < capMs * 0.625);
        Assert.Contains(waits, wait => wait > capMs * 0.875);
    }

    [Fact]
    public void NoDelayConfiguredMeansNoWait() =>
        Assert.Equal(TimeSpan.Zero, new Backoff(TimeSpan.Zero, TimeSpan.Zero).Delay(3));

    [Fact]
    public void TheClientsRetryOptionsGiveTheBackoff()
    {
        var options = new RetryOptions { BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(7) };

        Assert.Equal(new Backoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(7)), options.Backoff);
    }
}
