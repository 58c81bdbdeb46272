using System.Text;

namespace HoneyHive.Kiota.Generator.Emit;

/// <summary>C# literal helpers.</summary>
public static class Cs
{
    /// <summary>A C# string literal for any text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The quoted, escaped literal.</returns>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
