namespace HoneyHive.Cli.Cli;

/// <summary>A command line that cannot be run as written; the message says what to change.</summary>
internal sealed class UsageException(string message) : Exception(message);
