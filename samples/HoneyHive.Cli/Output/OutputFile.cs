namespace HoneyHive.Cli.Output;

/// <summary>Opens files the CLI writes, turning the many ways that can fail into one clear error.</summary>
internal static class OutputFile
{
    public static Stream Create(string path)
    {
        if (Directory.Exists(path))
        {
            throw new IOException($"cannot write '{path}': is a directory");
        }

        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Our own words: the CLI is built with UseSystemResourceKeys, which strips the BCL's messages.
            var reason = e switch
            {
                DirectoryNotFoundException => "its folder does not exist",
                UnauthorizedAccessException => "permission denied",
                _ => e.GetType().Name,
            };
            throw new IOException($"cannot write '{path}': {reason}", e);
        }
    }
}
