using System.Text;

namespace HoneyHive.Kiota.Generator.Emit;

/// <summary>Indented C# text with LF line endings, so output is byte-identical on every OS.</summary>
public sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    /// <summary>Writes one line at the current indentation; an empty call writes a blank line.</summary>
    /// <param name="line">The line, without its ending.</param>
    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _depth * 4).Append(line);
        }

        _text.Append('\n');
    }

    /// <summary>Writes <paramref name="header"/>, an opening brace, and indents until the returned scope is disposed.</summary>
    /// <param name="header">The line before the brace.</param>
    /// <param name="closing">Text after the closing brace (e.g. <c>;</c>).</param>
    /// <returns>The scope.</returns>
    public IDisposable Block(string header, string closing = "")
    {
        Line(header);
        Line("{");
        _depth++;
        return new Scope(this, closing);
    }

    /// <summary>Indents the following lines, without braces, until the returned scope is disposed.</summary>
    /// <returns>The scope.</returns>
    public IDisposable Indent()
    {
        _depth++;
        return new Scope(this, null);
    }

    /// <summary>Writes an XML doc summary, escaping the text and keeping its line breaks.</summary>
    /// <param name="text">The summary text.</param>
    public void Summary(string text)
    {
        Line("/// <summary>");
        foreach (var line in text.Trim().Split('\n'))
        {
            Line("/// " + Escape(line.TrimEnd('\r')));
        }

        Line("/// </summary>");
    }

    /// <summary>Writes an XML doc element on one line, escaping the text.</summary>
    /// <param name="element">The element name and attributes, e.g. <c>param name="body"</c>.</param>
    /// <param name="text">The text.</param>
    public void Doc(string element, string text)
    {
        var name = element.Split(' ')[0];
        Line($"/// <{element}>{Escape(text)}</{name}>");
    }

    // Only what XML requires inside element text; quotes and apostrophes stay readable.
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => _text.ToString();

    private sealed class Scope(CodeWriter writer, string? closing) : IDisposable
    {
        public void Dispose()
        {
            writer._depth--;
            if (closing is not null)
            {
                writer.Line("}" + closing);
            }
        }
    }
}
