using System.Reflection;

namespace HoneyHive.Cli.Cli;

/// <summary>The version <c>hh --version</c> prints: the one all HoneyHive.Kiota packages share.</summary>
internal static class CliVersion
{
    public static string Text { get; } = Read();

    private static string Read()
    {
        var version = typeof(CliVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        // The build appends "+<commit>" when it knows it; the version is what users quote.
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }
}
