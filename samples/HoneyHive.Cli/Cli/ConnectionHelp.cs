namespace HoneyHive.Cli.Cli;

/// <summary>The connection options every network command takes, for the commands' help.</summary>
internal static class ConnectionHelp
{
    public const string Text = """

        Connection:
          --api-key KEY       the HoneyHive API key (default: HH_API_KEY; never echoed)
          --base-url URL      the API (default: HH_API_URL, else https://api.honeyhive.ai);
                              https, or http on localhost only
        """;
}
