using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Generator;

/// <summary>
/// Settings in Kiota's <c>kiota-lock.json</c> format. Unknown fields are kept as they are; the generator
/// only writes back the description hash and its own name and version (never a Kiota version: Kiota did
/// not produce the code).
/// </summary>
public sealed class LockFile
{
    private readonly JsonObject _json;

    private LockFile(string path, JsonObject json)
    {
        Path = path;
        _json = json;
    }

    /// <summary>The lock file's full path.</summary>
    public string Path { get; }

    /// <summary>The folder the lock file is in: relative paths in it are relative to this.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>Where the OpenAPI description is, relative to <see cref="Directory"/>.</summary>
    public string DescriptionLocation => Required("descriptionLocation");

    /// <summary>The root client's class name.</summary>
    public string ClientClassName => Required("clientClassName");

    /// <summary>The namespace of the generated code.</summary>
    public string ClientNamespaceName => Required("clientNamespaceName");

    /// <summary>Where the generated code goes, relative to <see cref="Directory"/>.</summary>
    public string OutputPath => Required("outputPath");

    /// <summary>Serialization writer factories the client registers.</summary>
    public IReadOnlyList<string> Serializers => Strings("serializers");

    /// <summary>Parse node factories the client registers.</summary>
    public IReadOnlyList<string> Deserializers => Strings("deserializers");

    /// <summary>The recorded hash of the description the code was generated from.</summary>
    public string? DescriptionHash => _json["descriptionHash"]?.GetValue<string>();

    /// <summary>Reads and validates a lock file.</summary>
    /// <param name="path">The lock file.</param>
    /// <returns>The settings.</returns>
    public static LockFile Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var json = JsonNode.Parse(File.ReadAllText(full)) as JsonObject
            ?? throw new InvalidDataException($"{path}: expected a JSON object.");
        var lockFile = new LockFile(full, json);
        lockFile.Validate();
        return lockFile;
    }

    /// <summary>The hash recorded for a description: SHA-256 of its text with line endings normalized to LF.</summary>
    /// <param name="descriptionText">The description's text.</param>
    /// <returns>Lower-case hex.</returns>
    public static string HashOf(string descriptionText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(descriptionText.Replace("\r\n", "\n", StringComparison.Ordinal))));

    /// <summary>Records the description's hash and this generator's identity, then saves.</summary>
    /// <param name="descriptionHash">The description's hash.</param>
    public void RecordGeneration(string descriptionHash)
    {
        _json["descriptionHash"] = descriptionHash;
        _json["generator"] = GeneratorInfo.Name;
        _json["generatorVersion"] = GeneratorInfo.Version;
        var options = new JsonSerializerOptions { WriteIndented = true, NewLine = "\n" };
        File.WriteAllText(Path, _json.ToJsonString(options) + "\n", new UTF8Encoding(false));
    }

    private void Validate()
    {
        Expect("language", "CSharp");
        Expect("usesBackingStore", false);
        Expect("includeAdditionalData", true);
        if (!Strings("structuredMimeTypes").Contains("application/json", StringComparer.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"{Path}: structuredMimeTypes must include application/json, the only media type this generator emits.");
        }

        _ = DescriptionLocation;
        _ = ClientClassName;
        _ = ClientNamespaceName;
        _ = OutputPath;
    }

    private void Expect<T>(string name, T expected)
    {
        if (_json[name] is { } value && !EqualityComparer<T>.Default.Equals(value.GetValue<T>(), expected))
        {
            throw new NotSupportedException($"{Path}: {name} must be {expected} for this generator.");
        }
    }

    private string Required(string name) =>
        _json[name]?.GetValue<string>() is { Length: > 0 } value ? value : throw new InvalidDataException($"{Path}: {name} is required.");

    private List<string> Strings(string name) =>
        _json[name] is JsonArray array ? array.Select(item => item!.GetValue<string>()).ToList() : [];
}
