namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>How the library's reading of a value differs from Kiota's stock parse node.</summary>
internal enum DifferenceKind
{
    /// <summary>(a) Ours leaves the property null and keeps the raw JSON in the model's additional data under the
    /// JSON name, where stock has nothing (null, an empty model or wrapper, an empty list). Allowed: documented.</summary>
    KeptRaw,

    /// <summary>(a) as above, but stock read something out of the value (a list with null items where one item was
    /// of the wrong type; an enum by its C# name). Allowed only in mutated JSON.</summary>
    KeptRawWhereStockReadSome,

    /// <summary>(b) Stock loses data ours keeps: stock has null or an empty model/wrapper where ours has the value.
    /// Allowed.</summary>
    StockLoses,

    /// <summary>At the root, where there is no additional data to keep it in, ours returns null for JSON that does not fit
    /// the model (not an object, or an object no branch of a oneOf takes); stock returns a model, mostly an empty one
    /// (then neither keeps the value). Not one of the allowed kinds: a failure, counted apart so the figures show it.</summary>
    RootNotRead,

    /// <summary>A model without additional data (<c>additionalProperties: false</c>): ours leaves the property null for a
    /// value that does not fit and has nowhere to keep it; stock has an empty or partial value (an empty list for a
    /// string, [null] for [1], +∞ for 1e400). Not one of the allowed kinds: a failure, counted apart.</summary>
    ClosedModelDrops,

    /// <summary>Below the root, ours has null where stock has a model or list that holds nothing (an empty list for a
    /// JSON null given to a oneOf with a list branch, at a wrapper branch). Neither keeps the value. Not one of the allowed kinds: a
    /// failure, counted apart.</summary>
    NeitherKeeps,

    /// <summary>Anything else: a failure.</summary>
    Unexplained,
}
