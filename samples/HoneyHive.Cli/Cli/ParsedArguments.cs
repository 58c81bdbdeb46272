namespace HoneyHive.Cli.Cli;

/// <summary>
/// A command line split into positional words and <c>--name value</c> options. Small on purpose: a
/// parsing library would cost the NativeAOT binary more than the four commands need.
/// </summary>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    // Options given without a value: an error only for an option the command knows ("--project needs a
    // value"); any other is reported as unknown, like any unknown option.
    private readonly HashSet<string> _missingValue = new(StringComparer.Ordinal);

    private ParsedArguments(List<string> positionals) => Positionals = positionals;

    public List<string> Positionals { get; }

    /// <summary>Splits <paramref name="args"/>; <paramref name="flagNames"/> take no value.</summary>
    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> flagNames)
    {
        var parsed = new ParsedArguments([]);
        for (var i = 0; i < args.Count; i++)
        {
            // "-h" is the one short option: the help everybody tries first.
            var arg = args[i] == "-h" ? "--help" : args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                parsed.Positionals.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (flagNames.Contains(name))
            {
                if (equals > 0)
                {
                    throw new UsageException($"{name} takes no value");
                }

                parsed._flags.Add(name);
                continue;
            }

            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count && !IsOptionName(args[i + 1]))
            {
                value = args[++i];
            }
            else
            {
                parsed._missingValue.Add(name);
                continue;
            }

            if (!parsed._options.TryGetValue(name, out var values))
            {
                parsed._options[name] = values = [];
            }

            values.Add(value);
        }

        return parsed;
    }

    // "--project --filter x" must not make "--filter" the project: a value that looks like an option is
    // taken as a forgotten value. A value that really starts with "--" can be given as --name=--value.
    private static bool IsOptionName(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2;

    public bool Flag(string name)
    {
        _used.Add(name);
        return _flags.Contains(name);
    }

    public string? Single(string name)
    {
        _used.Add(name);
        ThrowIfMissingValue(name);
        if (!_options.TryGetValue(name, out var values))
        {
            return null;
        }

        return values.Count == 1 ? values[0] : throw new UsageException($"{name} may be given once");
    }

    public IReadOnlyList<string> All(string name)
    {
        _used.Add(name);
        ThrowIfMissingValue(name);
        return _options.TryGetValue(name, out var values) ? values : [];
    }

    public int? PositiveInt(string name, int max = int.MaxValue) => IntInRange(name, 1, max);

    public int? IntInRange(string name, int min, int max)
    {
        if (Single(name) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} must be a whole number from {min} to {max}, not '{text}'");
    }

    /// <summary>Fails on any option the command did not ask for, so a typo is never silently ignored.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Concat(_flags).Concat(_missingValue).Where(n => !_used.Contains(n)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown option {string.Join(", ", unknown)}");
        }
    }

    private void ThrowIfMissingValue(string name)
    {
        if (_missingValue.Contains(name))
        {
            throw new UsageException($"{name} needs a value");
        }
    }
}
