namespace HoneyHive.Kiota.Generator.Tests;

/// <summary>Locations in the repository the tests run from.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string LockFile => Path.Combine(Root, "kiota-lock.json");

    public static string Description => Path.Combine(Root, "openapi", "honeyhive-events.json");

    public static string Generated => Path.Combine(Root, "src", "HoneyHive.Kiota", "Generated");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "kiota-lock.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("kiota-lock.json not found above " + AppContext.BaseDirectory);
    }
}
