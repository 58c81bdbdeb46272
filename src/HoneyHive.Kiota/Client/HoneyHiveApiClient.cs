using Microsoft.Kiota.Abstractions;

namespace HoneyHive.Kiota;

/// <summary>The generated root client, with its request adapter reachable by the library's own helpers.</summary>
public partial class HoneyHiveApiClient
{
    /// <summary>The adapter the generated builders send through (Kiota keeps it protected).</summary>
    internal IRequestAdapter Adapter => RequestAdapter;
}
