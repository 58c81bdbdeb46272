using System.Net;
using System.Net.Sockets;

namespace HoneyHive.Kiota.Testing.Hosting;

/// <summary>
/// Serves an <see cref="InMemoryHoneyHive"/> over HTTP/1.1 on 127.0.0.1 (a free port) from a raw TCP listener that
/// writes every byte itself, so it can also misbehave the way networks do: the fake's transport faults
/// (<see cref="FaultPlan.CutResponseBody"/>, <see cref="FaultPlan.CutRequestBody"/>, <see cref="FaultPlan.DribbleResponse"/>,
/// <see cref="FaultPlan.StallResponseBody"/>, <see cref="FaultPlan.SendWrongContentLength"/> and their random kinds)
/// are played on the connection — a close (FIN) or a reset (RST) after so many body bytes, an answer a few bytes at a
/// time, an answer that stops, a Content-Length that lies. Everything else (statuses, redirects, echoed headers, the
/// refused and reset connections) is the fake's answer, delivered as it is.
/// </summary>
/// <remarks>
/// Requests must be HTTP/1.1 (or 1.0) with a Content-Length or chunked body, as <see cref="HttpClient"/> sends them;
/// connections are kept alive between requests unless the client or a fault ends them.
/// </remarks>
public sealed class FaultyLoopbackHoneyHive : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly InMemoryHoneyHive _fake;
    private readonly HttpMessageInvoker _invoker;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<Socket, Task> _connections = [];
    private readonly Task _accepting;

    private FaultyLoopbackHoneyHive(TcpListener listener, InMemoryHoneyHive fake)
    {
        _listener = listener;
        _fake = fake;
        _invoker = new HttpMessageInvoker(fake, disposeHandler: false);
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts serving <paramref name="fake"/>; dispose the result to stop.</summary>
    /// <param name="fake">The fake to serve (not disposed by the host).</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running host.</returns>
    public static Task<FaultyLoopbackHoneyHive> StartAsync(InMemoryHoneyHive fake, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fake);
        cancellationToken.ThrowIfCancellationRequested();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return Task.FromResult(new FaultyLoopbackHoneyHive(listener, fake));
    }

    /// <summary>Stops listening and closes every connection (a stalled answer included).</summary>
    /// <returns>A task that completes when every connection is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        Task[] serving;
        lock (_gate)
        {
            foreach (var socket in _connections.Keys)
            {
                socket.Dispose();
            }

            serving = [.. _connections.Values];
        }

        await Task.WhenAll(serving).ConfigureAwait(false);
        _invoker.Dispose();
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            var connection = new RawHttpConnection(socket, _fake, _invoker, BaseAddress);
            lock (_gate)
            {
                _connections[socket] = Task.Run(() => ServeAsync(socket, connection));
            }
        }
    }

    private async Task ServeAsync(Socket socket, RawHttpConnection connection)
    {
        await connection.ServeAsync(_stopping.Token).ConfigureAwait(false);
        lock (_gate)
        {
            _connections.Remove(socket);
        }
    }
}
