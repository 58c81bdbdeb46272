namespace HoneyHive.Kiota.SourceGeneration.Model;

/// <summary>How a property's JSON value is read: one per Kiota parse-node call the generator understands.</summary>
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
}
