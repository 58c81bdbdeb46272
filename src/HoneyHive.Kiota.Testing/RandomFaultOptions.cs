namespace HoneyHive.Kiota.Testing;

/// <summary>Settings for <see cref="FaultPlan.InjectRandomFaults(RandomFaultOptions)"/>; read once when it is called.</summary>
public sealed class RandomFaultOptions
{
    /// <summary>Seed of the <see cref="Random"/> that decides; the same seed and request order give the same faults. Defaults to 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The chance, from 0 to 1, that a request gets a fault. Defaults to 0.1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 0 and 1.</exception>
    public double Probability
    {
        get;
        set => field = value is >= 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Probability must be between 0 and 1.");
    } = 0.1;

    /// <summary>The faults to choose from, each equally likely. Defaults to <see cref="RandomFaultKinds.All"/>
    /// (<see cref="RandomFaultKinds.AllWithTransport"/> adds the faults a socket host plays).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value names no kind, or an unknown one.</exception>
    public RandomFaultKinds Kinds
    {
        get;
        set => field = value != 0 && (value & ~RandomFaultKinds.AllWithTransport) == 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Kinds must name at least one RandomFaultKinds value and no other bits.");
    } = RandomFaultKinds.All;

    /// <summary>The <c>Retry-After</c> of a random 429, sent in whole seconds (rounded up). Defaults to 1 second.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan RetryAfter
    {
        get;
        set => field = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "RetryAfter must not be negative.");
    } = TimeSpan.FromSeconds(1);

    /// <summary>How long a random latency spike delays the answer, by the fake's <see cref="TimeProvider"/>, and how long a
    /// random dribble spreads the answer over (real time). Defaults to 200 ms.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan LatencySpike
    {
        get;
        set => field = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "LatencySpike must not be negative.");
    } = TimeSpan.FromMilliseconds(200);
}
