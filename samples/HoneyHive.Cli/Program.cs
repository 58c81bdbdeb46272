using HoneyHive.Cli.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C stops cleanly (pages in flight are abandoned, partial output is flushed).
    e.Cancel = true;
    cancellation.Cancel();
};

return await CliApp.RunAsync(args, CliEnvironment.FromConsole(), cancellation.Token);
