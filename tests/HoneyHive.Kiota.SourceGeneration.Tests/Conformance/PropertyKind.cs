namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>What a model property holds, by its C# type: the shapes the figures count.</summary>
internal enum PropertyKind
{
    /// <summary>string, bool, numbers, Guid, DateTimeOffset, Date, Time, TimeSpan, byte[].</summary>
    Scalar,

    /// <summary>A Kiota enum (flags or not).</summary>
    Enum,

    /// <summary>A List of scalars, enums or models.</summary>
    List,

    /// <summary>Another model.</summary>
    Model,

    /// <summary>A composed type (oneOf/anyOf) wrapper.</summary>
    Wrapper,

    /// <summary>Free-form JSON (Kiota's UntypedNode).</summary>
    Untyped,
}
