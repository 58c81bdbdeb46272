using System.Text.RegularExpressions;

namespace HoneyHive.Kiota.EndToEnd.Tests.Docs;

/// <summary>
/// One <c>```csharp</c> block of the repository's Markdown, where it is, and — for a block marked as a
/// fragment — the context it is compiled in.
/// </summary>
/// <param name="File">The Markdown file, relative to the repository root.</param>
/// <param name="Line">The 1-based line of the block's first line of code.</param>
/// <param name="Code">The block's code.</param>
/// <param name="Context">Null for a whole program; for a fragment, the C# the marker gives (declarations, and
/// usings, which go to the top of the file).</param>
public sealed partial record MarkdownSnippet(string File, int Line, string Code, string? Context)
{
    public bool IsFragment => Context is not null;

    public override string ToString() => $"{File}:{Line}";

    /// <summary>The C# blocks of a Markdown file, each with the fragment marker that precedes it, if any.</summary>
    public static IEnumerable<MarkdownSnippet> Read(string root, string path)
    {
        var lines = System.IO.File.ReadAllLines(path);
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!CSharpFence().IsMatch(lines[i]))
            {
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                end++;
            }

            yield return new MarkdownSnippet(relative, start + 1, string.Join('\n', lines[start..end]), MarkerBefore(lines, i));
            i = end;
        }
    }

    // "<!-- fragment: CONTEXT -->" on the lines just before the fence, on one line or several.
    private static string? MarkerBefore(string[] lines, int fence)
    {
        var close = fence - 1;
        if (close < 0 || !lines[close].TrimEnd().EndsWith("-->", StringComparison.Ordinal))
        {
            return null;
        }

        var open = close;
        while (open >= 0 && !lines[open].Contains("<!--", StringComparison.Ordinal))
        {
            open--;
        }

        var comment = string.Join('\n', lines[open..(close + 1)]);
        var match = FragmentMarker().Match(comment);
        return match.Success ? match.Groups["context"].Value.Trim() : null;
    }

    [GeneratedRegex(@"^\s*```\s*(csharp|cs|c#)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CSharpFence();

    [GeneratedRegex(@"<!--\s*fragment\s*:?(?<context>.*?)-->", RegexOptions.Singleline)]
    private static partial Regex FragmentMarker();
}
