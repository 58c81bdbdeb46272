namespace HoneyHive.Kiota.EndToEnd.Tests.Docs;

/// <summary>Every Markdown file of the repository (bin, obj and dot-folders aside) and its C# blocks.</summary>
internal static class RepositoryMarkdown
{
    public static string Root { get; } = FindRoot();

    public static IReadOnlyList<MarkdownSnippet> Snippets { get; } = Directory.EnumerateFiles(Root, "*.md", SearchOption.AllDirectories)
        .Where(path => !Path.GetRelativePath(Root, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" || part.StartsWith('.')))
        .Order(StringComparer.Ordinal)
        .SelectMany(path => MarkdownSnippet.Read(Root, path))
        .ToList();

    public static MarkdownSnippet Find(string location) => Snippets.Single(s => s.ToString() == location);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HoneyHive.Kiota.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("no HoneyHive.Kiota.sln above " + AppContext.BaseDirectory);
    }
}
