namespace HoneyHive.Kiota.Filters;

/// <summary>Validation of dotted field paths such as <c>metadata.cost</c> or <c>inputs.chat_history.0.content</c>.</summary>
internal static class FieldPath
{
    /// <summary>Why a path is not valid, or null when it is.</summary>
    public static string? Problem(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "the field path is empty";
        }

        if (path.Length != path.Trim().Length)
        {
            return $"the field path \"{path}\" has leading or trailing whitespace";
        }

        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            // Inner spaces are allowed: metric names such as "Answer Faithfulness" contain them.
            if (string.IsNullOrWhiteSpace(segments[i]))
            {
                return $"segment {i + 1} of the field path \"{path}\" is empty or whitespace";
            }
        }

        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when the path is not valid.</summary>
    public static string Validate(string? path, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(path, parameterName);
        if (Problem(path) is { } problem)
        {
            throw new ArgumentException($"Not a valid field path: {problem}. Use a dotted path such as \"metadata.cost\".", parameterName);
        }

        return path;
    }
}
