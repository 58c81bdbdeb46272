using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.Serialization;

/// <summary>Hands out <see cref="HoneyHiveJsonSerializationWriter"/>s for <c>application/json</c>.</summary>
public sealed class HoneyHiveJsonSerializationWriterFactory : ISerializationWriterFactory
{
    /// <inheritdoc />
    public string ValidContentType => "application/json";

    /// <inheritdoc />
    public ISerializationWriter GetSerializationWriter(string contentType)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        if (!ValidContentType.Equals(contentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentOutOfRangeException(nameof(contentType), $"expected a {ValidContentType} content type");
        }

        return new HoneyHiveJsonSerializationWriter();
    }
}
