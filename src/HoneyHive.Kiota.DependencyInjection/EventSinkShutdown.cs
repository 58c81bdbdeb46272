using HoneyHive.Kiota.Ingestion;
using Microsoft.Extensions.Hosting;

namespace HoneyHive.Kiota.DependencyInjection;

/// <summary>
/// Ends the sink with the host: a flush starts as soon as the host starts stopping (before any hosted service
/// stops: an ASP.NET Core app's web server stops first and may take its whole shutdown timeout to drain), and
/// once every hosted service has stopped (the web server too, so no request can enqueue any more) the sink is
/// disposed, which sends the rest within <see cref="EventSinkOptions.DisposeTimeout"/>. That happens before the
/// container is disposed: by then <c>IHttpClientFactory</c> can no longer build the handlers a send needs.
/// </summary>
internal sealed class EventSinkShutdown(EventSink sink) : IHostedLifecycleService
{
    private Task _flush = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Not awaited here: the other services' stopping must not wait for HoneyHive.
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        _flush = sink.FlushAsync(CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _flush.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout: StoppedAsync still settles every event.
        }
    }

    public async Task StoppedAsync(CancellationToken cancellationToken) => await sink.DisposeAsync().ConfigureAwait(false);
}
