namespace HoneyHive.Kiota.Errors;

/// <summary>HoneyHive answered 404 Not Found: the path or the project does not exist (check the base URL).</summary>
public sealed class HoneyHiveNotFoundException : HoneyHiveApiException
{
    internal HoneyHiveNotFoundException(string message, HoneyHiveResponseDetails details) : base(message, details)
    {
    }
}
