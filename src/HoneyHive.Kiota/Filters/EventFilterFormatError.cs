namespace HoneyHive.Kiota.Filters;

/// <summary>What is wrong with a filter's text form.</summary>
public enum EventFilterFormatError
{
    /// <summary>The text is empty or whitespace.</summary>
    Empty,

    /// <summary>No operator (<c>is</c>, <c>is not</c>, <c>contains</c>, <c>not contains</c>, <c>greater than</c>) was found after a field.</summary>
    MissingOperator,

    /// <summary>Nothing precedes the operator, or the field path is not valid.</summary>
    InvalidField,

    /// <summary>Nothing follows the operator.</summary>
    MissingValue,

    /// <summary>The value is not valid for its <c>:type</c> suffix (a number that does not parse, a boolean other than true/false, an id with whitespace).</summary>
    InvalidValue,

    /// <summary>The value ends in a <c>:word</c> that is not a type (<c>:float</c>, <c>:int</c>): the types are
    /// string, number, boolean and id. To end a string value with such a word, append <c>:string</c>.</summary>
    UnknownType,
}
