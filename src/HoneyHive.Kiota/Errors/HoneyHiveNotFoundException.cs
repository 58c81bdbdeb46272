namespace HoneyHive.Kiota.Errors;

/// <summary>HoneyHive answered 404 Not Found: the path or the project does not exist (check the base URL).</summary>
public sealed class HoneyHiveNotFoundException : HoneyHiveApiException
{
    /// <summary>Creates the exception for one response.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="details">The response the exception describes.</param>
    public HoneyHiveNotFoundException(string message, HoneyHiveResponseDetails details) : base(message, details)
    {
    }
}
