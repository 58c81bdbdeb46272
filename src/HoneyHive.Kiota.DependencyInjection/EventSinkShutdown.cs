using HoneyHive.Kiota.Ingestion;
using Microsoft.Extensions.Hosting;

namespace HoneyHive.Kiota.DependencyInjection;

/// <summary>
/// Ends the sink with the host: a flush when the host starts stopping, then, once every hosted service has
/// stopped (the web server too, so no request can enqueue any more), the sink's disposal, which sends the
/// rest within <see cref="EventSinkOptions.DisposeTimeout"/>. That happens before the container is disposed:
/// by then <c>IHttpClientFactory</c> can no longer build the handlers a send needs.
/// </summary>
internal sealed class EventSinkShutdown(EventSink sink) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout: StoppedAsync still settles every event.
        }
    }

    public async Task StoppedAsync(CancellationToken cancellationToken) => await sink.DisposeAsync().ConfigureAwait(false);
}
