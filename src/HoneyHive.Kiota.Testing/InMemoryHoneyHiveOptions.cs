namespace HoneyHive.Kiota.Testing;

/// <summary>Settings for an <see cref="InMemoryHoneyHive"/>.</summary>
public sealed class InMemoryHoneyHiveOptions
{
    /// <summary>
    /// When set, every request must carry <c>Authorization: Bearer &lt;ApiKey&gt;</c>;
    /// otherwise the fake answers 401 with a JSON error, as HoneyHive does.
    /// When <see langword="null"/>, authorization is not checked.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Clock used for server-assigned timestamps and injected latency.
    /// Defaults to <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// The order of listed and exported events; <see cref="EventOrder.Insertion"/> by default.
    /// </summary>
    public EventOrder Order { get; set; }
}
