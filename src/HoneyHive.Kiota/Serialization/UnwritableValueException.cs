namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// The client's writer met a value JSON cannot hold (NaN, an infinity) or one it has no rule for: an
/// <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/> is the path of the field
/// (<c>events[3].duration</c>). Nothing was sent.
/// </summary>
/// <remarks>Callers see an <see cref="ArgumentException"/>; the path and the reason are kept apart so the batcher can
/// say which event and which field without parsing text.</remarks>
internal sealed class UnwritableValueException(string path, string reason, Exception? innerException = null)
    : ArgumentException($"The value at '{path}' cannot be written as JSON: {reason}.", path, innerException)
{
    /// <summary>The field's path from the value being written, e.g. <c>metadata.cost</c>.</summary>
    public string Path { get; } = path;

    /// <summary>Why, e.g. <c>NaN is not a JSON number</c>.</summary>
    public string Reason { get; } = reason;

    /// <summary>The sentence alone: the path is in it already, so no "(Parameter ...)" suffix.</summary>
    public override string Message => $"The value at '{Path}' cannot be written as JSON: {Reason}.";
}
