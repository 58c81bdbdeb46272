namespace HoneyHive.Kiota.Errors;

/// <summary>HoneyHive answered 401 Unauthorized or 403 Forbidden: the API key is missing, wrong, revoked, or lacks access to the project.</summary>
public sealed class HoneyHiveAuthenticationException : HoneyHiveApiException
{
    /// <summary>Creates the exception for one response.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="details">The response the exception describes.</param>
    public HoneyHiveAuthenticationException(string message, HoneyHiveResponseDetails details) : base(message, details)
    {
    }
}
