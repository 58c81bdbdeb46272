namespace HoneyHive.Kiota.Errors;

/// <summary>HoneyHive answered 401 Unauthorized or 403 Forbidden: the API key is missing, wrong, revoked, or lacks access to the project.</summary>
public sealed class HoneyHiveAuthenticationException : HoneyHiveApiException
{
    internal HoneyHiveAuthenticationException(string message, HoneyHiveResponseDetails details) : base(message, details)
    {
    }
}
