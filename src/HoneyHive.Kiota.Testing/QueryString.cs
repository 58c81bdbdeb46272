namespace HoneyHive.Kiota.Testing;

/// <summary>Splits a raw query string into percent-decoded parameters (first occurrence wins).</summary>
internal static class QueryString
{
    public static IReadOnlyDictionary<string, string> Parse(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            result.TryAdd(name, value);
        }

        return result;
    }

    // Form encoding uses '+' for space; a literal '+' arrives as %2B and survives the replace.
    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
