namespace HoneyHive.Kiota.EndToEnd.Tests.Docs;

/// <summary>Process-wide environment variables for the duration of a using block, one block at a time.</summary>
internal sealed class EnvironmentVariables : IDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private readonly (string Name, string? Value)[] _previous;

    private EnvironmentVariables((string Name, string? Value)[] previous) => _previous = previous;

    public static EnvironmentVariables Set(params (string Name, string Value)[] variables)
    {
        Gate.Wait();
        var previous = variables.Select(v => (v.Name, Environment.GetEnvironmentVariable(v.Name))).ToArray();
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        return new EnvironmentVariables(previous);
    }

    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        Gate.Release();
    }
}
