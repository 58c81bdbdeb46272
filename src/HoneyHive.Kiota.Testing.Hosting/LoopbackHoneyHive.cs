using System.Net;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HoneyHive.Kiota.Testing.Hosting;

/// <summary>
/// Serves an <see cref="InMemoryHoneyHive"/> over HTTP on 127.0.0.1 (a free port). Every request is forwarded
/// to the fake unchanged and its status, headers and body are copied back; an injected connection failure,
/// before or after processing, aborts the connection so the client sees a real network error.
/// </summary>
public sealed class LoopbackHoneyHive : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpMessageInvoker _invoker;

    private LoopbackHoneyHive(WebApplication app, HttpMessageInvoker invoker, Uri baseAddress)
    {
        _app = app;
        _invoker = invoker;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts serving <paramref name="fake"/> on 127.0.0.1; dispose the result to stop.</summary>
    /// <param name="fake">The fake to forward to (not disposed by the host).</param>
    /// <param name="port">The port, 1 to 65535; 0 (the default) for a free one.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running host.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is not a port number.</exception>
    public static async Task<LoopbackHoneyHive> StartAsync(InMemoryHoneyHive fake, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fake);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton<IHostLifetime, SignalFreeLifetime>();
        var app = builder.Build();
        var invoker = new HttpMessageInvoker(fake, disposeHandler: false);
        app.Run(context => ForwardAsync(context, invoker));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new LoopbackHoneyHive(app, invoker, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>
    /// Waits until the process is asked to stop — Ctrl-C (SIGINT) or SIGTERM — or <paramref name="cancellationToken"/>
    /// is cancelled, for a program that serves until then. The signal is taken (the process is not ended by it),
    /// so the program can dispose the server and exit normally. The host itself never takes the signals.
    /// </summary>
    /// <param name="cancellationToken">Ends the wait early.</param>
    /// <returns>A task that completes when a stop was asked for.</returns>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken = default)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var cancelled = cancellationToken.Register(() => stop.TrySetResult());
        await stop.Task.ConfigureAwait(false);
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _invoker.Dispose();
    }

    private static async Task ForwardAsync(HttpContext context, HttpMessageInvoker invoker)
    {
        using var request = await ToRequestMessageAsync(context).ConfigureAwait(false);
        HttpResponseMessage response;
        try
        {
            response = await invoker.SendAsync(request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            // Refused or reset (FaultPlan.FailConnection, ResetConnectionAfterProcessing): no answer at all.
            context.Abort();
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (!string.Equals(header.Key, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Headers[header.Key] = header.Value.ToArray();
                }
            }

            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task<HttpRequestMessage> ToRequestMessageAsync(HttpContext context)
    {
        var incoming = context.Request;
        var body = new MemoryStream();
        await incoming.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var request = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri($"http://{incoming.Host}{incoming.PathBase}{incoming.Path}{incoming.QueryString}"));
        if (body.Length > 0 || incoming.ContentLength is not null)
        {
            body.Position = 0;
            request.Content = new StreamContent(body);
        }

        foreach (var header in incoming.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        return request;
    }
}
