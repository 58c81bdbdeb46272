namespace HoneyHive.Cli.Cli;

/// <summary>Distinct exit codes so scripts can tell failures apart.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran, but some events were not created.</summary>
    public const int PartialFailure = 1;

    public const int BadArguments = 2;
    public const int BadFilter = 3;
    public const int FileError = 4;
    public const int AuthenticationFailed = 5;
    public const int NetworkFailure = 6;
    public const int ApiError = 7;
    public const int InvalidResponse = 8;
    public const int Cancelled = 130;
}
