namespace HoneyHive.Kiota.Tests.Client;

/// <summary><see cref="HoneyHiveClient.FromEnvironment"/>: HH_API_KEY, and HH_API_URL when no options are passed
/// (the only tests in this assembly that set these process-wide variables).</summary>
public sealed class FromEnvironmentTests
{
    [Fact]
    public void Reads_the_key_and_the_base_url()
    {
        using var variables = new Variables("hh-env-key", "http://127.0.0.1:5090");

        using var client = HoneyHiveClient.FromEnvironment();

        Assert.Equal(new Uri("http://127.0.0.1:5090"), client.BaseUrl);
    }

    [Fact]
    public void Options_passed_win_over_the_variable()
    {
        using var variables = new Variables("hh-env-key", "http://127.0.0.1:5090");

        using var client = HoneyHiveClient.FromEnvironment(new HoneyHiveClientOptions());

        Assert.Equal(HoneyHiveClientOptions.DefaultBaseUrl, client.BaseUrl);
    }

    [Fact]
    public void A_base_url_that_is_not_a_url_names_the_variable()
    {
        using var variables = new Variables("hh-env-key", "not a url");

        var error = Assert.Throws<InvalidOperationException>(() => HoneyHiveClient.FromEnvironment());

        Assert.StartsWith("The HH_API_URL environment variable must be an absolute URL", error.Message, StringComparison.Ordinal);
    }

    private sealed class Variables : IDisposable
    {
        private static readonly Lock Gate = new();
        private readonly string? _key = Environment.GetEnvironmentVariable("HH_API_KEY");
        private readonly string? _url = Environment.GetEnvironmentVariable("HH_API_URL");

        public Variables(string key, string url)
        {
            Gate.Enter();
            Environment.SetEnvironmentVariable("HH_API_KEY", key);
            Environment.SetEnvironmentVariable("HH_API_URL", url);
        }

        public void Dispose()
        {
            Environment.SetEnvironmentVariable("HH_API_KEY", _key);
            Environment.SetEnvironmentVariable("HH_API_URL", _url);
            Gate.Exit();
        }
    }
}
