namespace HoneyHive.Kiota.Errors;

/// <summary>Removes the API key from text that ends up in exceptions: bodies and response headers (servers and proxies
/// sometimes echo the bearer header).</summary>
internal sealed class SecretRedactor(string secret)
{
    internal const string Mask = "[REDACTED]";

    // A cut-off tail shorter than this is too short to identify the key.
    private const int MinimumTailToTrim = 4;

    /// <summary>Replaces every occurrence of the secret.</summary>
    public string Redact(string text) => text.Replace(secret, Mask, StringComparison.Ordinal);

    /// <summary>Replaces every occurrence of the secret, then truncates to <paramref name="maxLength"/> characters.</summary>
    public string RedactAndTruncate(string text, int maxLength)
    {
        var redacted = Redact(text);
        if (redacted.Length <= maxLength)
        {
            return redacted;
        }

        // Truncation can cut the key in half; a leading piece of it must not survive at the end either.
        var cut = redacted[..maxLength];
        for (var n = Math.Min(secret.Length - 1, cut.Length); n >= MinimumTailToTrim; n--)
        {
            if (cut.EndsWith(secret[..n], StringComparison.Ordinal))
            {
                return cut[..^n] + Mask;
            }
        }

        return cut;
    }
}
