using System.Diagnostics.CodeAnalysis;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// Feature switches for the generated client's Kiota defaults.
/// </summary>
/// <remarks>
/// Kiota's generated root client registers its serializers in Kiota's process-wide registries, so that
/// <c>new HoneyHiveApiClient(new HttpClientRequestAdapter(auth))</c> works with no more setup. Those
/// registries match content types with a regular expression, which costs a NativeAOT binary about
/// 0.3 MB of regex engine. <see cref="HoneyHiveClient"/> hands its factories to its adapter directly
/// and never needs them, so a size-sensitive app can turn the registration off at publish time:
/// <code>&lt;RuntimeHostConfigurationOption Include="HoneyHive.Kiota.RegisterDefaultSerialization" Value="false" Trim="true" /&gt;</code>
/// </remarks>
public static class KiotaDefaults
{
    private const string RegisterSwitch = "HoneyHive.Kiota.RegisterDefaultSerialization";

    /// <summary>Whether the generated root client registers its serializers in Kiota's process-wide
    /// registries (the Kiota convention; on unless the app turns the switch off).</summary>
    [FeatureSwitchDefinition(RegisterSwitch)]
    public static bool RegisterDefaultSerialization =>
        !AppContext.TryGetSwitch(RegisterSwitch, out var enabled) || enabled;
}
