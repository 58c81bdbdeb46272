using Microsoft.Extensions.Hosting;

namespace HoneyHive.Kiota.Testing.Hosting;

/// <summary>
/// The host's lifetime in place of the default <c>ConsoleLifetime</c>, which takes over Ctrl-C and SIGTERM
/// to stop the host and cancels the signal: a program that only started the server (and never waits on
/// the host) then ignored both. With this one the signals stay the program's; a program that wants to serve
/// until one arrives calls <see cref="LoopbackHoneyHive.WaitForShutdownAsync"/>.
/// </summary>
internal sealed class SignalFreeLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
