namespace HoneyHive.Kiota.Testing;

/// <summary>A request the API would reject with 400; the message becomes the JSON error text.</summary>
internal sealed class BadRequestException(string message) : Exception(message);
