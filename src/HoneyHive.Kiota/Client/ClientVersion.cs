using System.Reflection;

namespace HoneyHive.Kiota;

/// <summary>The product name and version sent in the User-Agent header.</summary>
internal static class ClientVersion
{
    public const string ProductName = "HoneyHive.Kiota";

    public static string Version { get; } = Read();

    private static string Read()
    {
        var informational = typeof(ClientVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return "0.0.0";
        }

        // SourceLink appends "+<commit>"; the commit is noise in a User-Agent.
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? informational[..plus] : informational;
    }
}
