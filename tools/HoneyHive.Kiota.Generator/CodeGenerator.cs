using HoneyHive.Kiota.Generator.Description;
using HoneyHive.Kiota.Generator.Emit;

namespace HoneyHive.Kiota.Generator;

/// <summary>Description + settings → the generated files, in memory (so tests can compare without touching disk).</summary>
public static class CodeGenerator
{
    /// <summary>Generates every file.</summary>
    /// <param name="descriptionJson">The OpenAPI description (JSON).</param>
    /// <param name="settings">The lock file's settings.</param>
    /// <returns>File contents by path relative to the output folder, '/'-separated, in ordinal order.</returns>
    public static SortedDictionary<string, string> Generate(string descriptionJson, LockFile settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var spec = DescriptionReader.Read(descriptionJson, settings.ClientClassName, settings.ClientNamespaceName);
        var modelsNamespace = spec.RootNamespace + ".Models";
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);

        foreach (var model in spec.Models)
        {
            files.Add($"Models/{model.Name}.cs", ModelEmitter.Emit(model, modelsNamespace));
        }

        foreach (var enumSpec in spec.Enums)
        {
            files.Add($"Models/{enumSpec.Name}.cs", EnumEmitter.Emit(enumSpec, modelsNamespace));
        }

        AddBuilders(spec, spec.Root, settings, files);
        return files;
    }

    private static void AddBuilders(ApiSpec spec, BuilderSpec builder, LockFile settings, SortedDictionary<string, string> files)
    {
        var folder = string.Concat(builder.Segments.Select(s => Naming.Pascal(s) + "/"));
        files.Add($"{folder}{RequestBuilderEmitter.ClassOf(spec, builder)}.cs", RequestBuilderEmitter.Emit(spec, builder, settings.Serializers, settings.Deserializers));
        foreach (var child in builder.Children)
        {
            AddBuilders(spec, child, settings, files);
        }
    }

    /// <summary>Replaces the output folder's C# files with <paramref name="files"/>.</summary>
    /// <param name="outputDirectory">The output folder.</param>
    /// <param name="files">What <see cref="Generate"/> returned.</param>
    public static void Write(string outputDirectory, IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (Directory.Exists(outputDirectory))
        {
            // Stale files from removed schemas or paths must not survive a regeneration.
            foreach (var stale in Directory.EnumerateFiles(outputDirectory, "*.cs", SearchOption.AllDirectories))
            {
                File.Delete(stale);
            }

            foreach (var empty in Directory.EnumerateDirectories(outputDirectory, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
            {
                if (!Directory.EnumerateFileSystemEntries(empty).Any())
                {
                    Directory.Delete(empty);
                }
            }
        }

        var encoding = new System.Text.UTF8Encoding(false);
        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(outputDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content, encoding);
        }
    }
}
