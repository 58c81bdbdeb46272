namespace HoneyHive.Cli.Output;

/// <summary>Opens files the CLI writes, turning the many ways that can fail into one clear error.</summary>
internal static class OutputFile
{
    public static Stream Create(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new IOException($"cannot write '{path}': {e.Message}", e);
        }
    }
}
