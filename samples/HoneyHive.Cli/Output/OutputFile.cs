namespace HoneyHive.Cli.Output;

/// <summary>Opens files the CLI writes, turning the many ways that can fail into one clear error.</summary>
internal static class OutputFile
{
    /// <summary>Opens <paramref name="path"/> to continue an export: cut back to <paramref name="length"/> bytes
    /// (what was written whole before it stopped), positioned at its end.</summary>
    public static Stream Continue(string path, long length)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, 64 * 1024, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new IOException($"cannot continue '{path}': no such file (delete the --resume file to export from the beginning)", e);
        }

        if (stream.Length is var held && held < length)
        {
            stream.Dispose();
            throw new IOException($"cannot continue '{path}': it holds {held} bytes, fewer than the {length} the --resume file says were written");
        }

        stream.SetLength(length);
        stream.Seek(length, SeekOrigin.Begin);
        return stream;
    }

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
