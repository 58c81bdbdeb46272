namespace HoneyHive.Kiota.Filters;

/// <summary>
/// A filter's text form could not be parsed; <see cref="Error"/> says what is wrong and the message
/// quotes the input and shows the expected form.
/// </summary>
public sealed class EventFilterFormatException : FormatException
{
    internal EventFilterFormatException(string input, EventFilterFormatError error, string detail)
        : base($"Invalid filter \"{input}\": {detail}. Expected \"<field> <operator> <value>[:<type>]\" with operator one of "
            + "is, is not, contains, not contains, greater than and type one of string, number, boolean, id, "
            + "e.g. \"metadata.cost greater than 0.01:number\".")
    {
        Input = input;
        Error = error;
        Detail = detail;
    }

    /// <summary>The text that was parsed.</summary>
    public string Input { get; }

    /// <summary>What is wrong.</summary>
    public EventFilterFormatError Error { get; }

    /// <summary>A sentence on what is wrong.</summary>
    public string Detail { get; }
}
