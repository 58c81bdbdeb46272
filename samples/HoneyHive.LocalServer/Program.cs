using System.Globalization;
using HoneyHive.Kiota.Testing;
using HoneyHive.Kiota.Testing.Hosting;
using HoneyHive.LocalServer;

LocalServerOptions options;
try
{
    options = LocalServerOptions.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine($"HoneyHive.LocalServer: {e.Message}");
    Console.Error.WriteLine(LocalServerOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(LocalServerOptions.Usage);
    return 0;
}

// Not a secret: the fake accepts this key and no other, so a client without it sees a real 401.
const string ApiKey = "local-dev-key";
using var honeyHive = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = ApiKey, Order = EventOrder.StartTimeDescending });
honeyHive.AddEvents(GeneratedEvents.Create(options.Events, options.Seed, DateTimeOffset.UtcNow));

await using var server = await LoopbackHoneyHive.StartAsync(honeyHive, options.Port);
var url = server.BaseAddress.ToString().TrimEnd('/');
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"HoneyHive (in memory) at {url}: {options.Events:N0} events in project \"{GeneratedEvents.Project}\" (seed {options.Seed})"));
Console.WriteLine($"  export HH_API_URL={url}");
Console.WriteLine($"  export HH_API_KEY={ApiKey}");
Console.WriteLine($"  then: hh events list --project \"{GeneratedEvents.Project}\" --filter \"event_type is model\" --max 5");
Console.WriteLine("Ctrl-C or SIGTERM stops it.");

await server.WaitForShutdownAsync();
Console.WriteLine("stopped");
return 0;
