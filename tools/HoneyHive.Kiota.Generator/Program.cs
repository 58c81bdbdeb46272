using HoneyHive.Kiota.Generator;

// Usage: dotnet run --project tools/HoneyHive.Kiota.Generator [-- --lock kiota-lock.json] [--description file] [--output dir]
// With no overrides it regenerates the lock file's outputPath and records the description's hash in the lock.
// With --description or --output (tests, API-change drills) it writes only the code and leaves the lock alone.
try
{
    var options = ParseArguments(args);
    var lockPath = options.GetValueOrDefault("--lock") ?? FindLockFile();
    var settings = LockFile.Load(lockPath);
    var descriptionPath = options.GetValueOrDefault("--description") is { } d ? Path.GetFullPath(d) : Path.Combine(settings.Directory, settings.DescriptionLocation);
    var outputPath = options.GetValueOrDefault("--output") is { } o ? Path.GetFullPath(o) : Path.Combine(settings.Directory, settings.OutputPath);

    var description = File.ReadAllText(descriptionPath);
    var files = CodeGenerator.Generate(description, settings);
    CodeGenerator.Write(outputPath, files);
    if (!options.ContainsKey("--description") && !options.ContainsKey("--output"))
    {
        settings.RecordGeneration(LockFile.HashOf(description));
    }

    Console.WriteLine($"{GeneratorInfo.Name} {GeneratorInfo.Version}: wrote {files.Count} files to {outputPath}");
    return 0;
}
catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or ArgumentException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

static Dictionary<string, string> ParseArguments(string[] args)
{
    var known = new HashSet<string> { "--lock", "--description", "--output" };
    var options = new Dictionary<string, string>();
    for (var i = 0; i < args.Length; i += 2)
    {
        if (!known.Contains(args[i]) || i + 1 >= args.Length)
        {
            throw new ArgumentException($"unexpected argument '{args[i]}'; usage: [--lock FILE] [--description FILE] [--output DIR]");
        }

        options[args[i]] = args[i + 1];
    }

    return options;
}

static string FindLockFile()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "kiota-lock.json");
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new IOException("kiota-lock.json not found in this folder or any parent; pass --lock.");
}
