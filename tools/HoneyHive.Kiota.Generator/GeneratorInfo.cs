namespace HoneyHive.Kiota.Generator;

/// <summary>The generator's identity, written into generated files and kiota-lock.json.</summary>
public static class GeneratorInfo
{
    /// <summary>The generator's name.</summary>
    public const string Name = "HoneyHive.Kiota.Generator";

    /// <summary>Bump when the emitted code changes for the same description.</summary>
    public const string Version = "1.0.0";
}
