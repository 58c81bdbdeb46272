namespace HoneyHive.Kiota.SourceGeneration.Model;

/// <summary>How a property's JSON value is read: one per Kiota parse-node call the generator reads directly,
/// and <see cref="Replay"/> for every other call, which runs Kiota's own statement against the library's parse node.</summary>
internal enum ValueKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Single,
    Decimal,
    Guid,
    DateTimeOffset,
    Enum,
    StringList,
    PrimitiveList,
    EnumList,
    Untyped,
    Object,
    ObjectList,
    Replay,
}
