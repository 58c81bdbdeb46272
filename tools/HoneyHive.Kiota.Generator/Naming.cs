using System.Text;

namespace HoneyHive.Kiota.Generator;

/// <summary>C# names from wire names.</summary>
public static class Naming
{
    /// <summary>PascalCase: word breaks at any non-alphanumeric character, existing capitals kept
    /// (<c>project_id</c> → ProjectId, <c>totalEvents</c> → TotalEvents, <c>is not</c> → IsNot, <c>$gte</c> → Gte).</summary>
    /// <param name="wireName">The name as it appears in JSON or a URL.</param>
    /// <returns>A valid C# identifier.</returns>
    public static string Pascal(string wireName)
    {
        var builder = new StringBuilder(wireName.Length);
        var upperNext = true;
        foreach (var character in wireName)
        {
            if (!char.IsAsciiLetterOrDigit(character))
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(character) : character);
            upperNext = false;
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>camelCase, for locals and parameters.</summary>
    /// <param name="pascalName">A PascalCase name.</param>
    /// <returns>The name with its first letter lowered.</returns>
    public static string Camel(string pascalName) =>
        pascalName.Length == 0 ? pascalName : char.ToLowerInvariant(pascalName[0]) + pascalName[1..];
}
