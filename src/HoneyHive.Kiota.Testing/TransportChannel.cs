namespace HoneyHive.Kiota.Testing;

/// <summary>
/// Put in a request's options by a socket host that can play transport faults: the fake then answers normally and
/// leaves the fault here for the host, instead of approximating it with a connection reset.
/// </summary>
internal sealed class TransportChannel
{
    public static readonly HttpRequestOptionsKey<TransportChannel> Key = new("HoneyHive.Kiota.Testing.TransportChannel");

    public TransportFault? Fault { get; set; }
}
