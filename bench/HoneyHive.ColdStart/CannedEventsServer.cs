using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HoneyHive.ColdStart;

/// <summary>
/// A loopback-only HTTP/1.1 server answering the three HoneyHive events endpoints with canned
/// JSON, and noting per run when the first request arrived and how the calls were answered.
/// </summary>
/// <remarks>
/// It checks the bearer token and the required inputs (project and filters) so a command that
/// silently sends a broken request shows up as failed instead of as "fast".
/// </remarks>
internal sealed class CannedEventsServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0); // port 0: the OS picks a free one
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _pageJson;
    private readonly byte[] _batchJson;
    private readonly string _expectedAuthorization;
    private readonly List<Task> _connections = [];
    private Task _acceptLoop = Task.CompletedTask;
    private RunObservation? _current;

    public CannedEventsServer(byte[] pageJson, byte[] batchJson, string apiKey)
    {
        _pageJson = pageJson;
        _batchJson = batchJson;
        _expectedAuthorization = "Bearer " + apiKey;
    }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public void Start()
    {
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _acceptLoop = AcceptLoopAsync(_stop.Token);
    }

    /// <summary>Starts attributing requests to a new run (runs never overlap).</summary>
    public RunObservation BeginRun() => _current = new RunObservation();

    public void EndRun() => _current = null;

    private async Task AcceptLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(ct); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            client.NoDelay = true;
            lock (_connections)
            {
                _connections.RemoveAll(t => t.IsCompleted); // keep the list bounded across many runs
                _connections.Add(ServeConnectionAsync(client, ct));
            }
        }
    }

    private async Task ServeConnectionAsync(TcpClient client, CancellationToken ct)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var reader = new HttpRequestReader(stream);
            while (await reader.ReadHeadAsync(ct) is { } head)
            {
                var run = _current;
                run?.RequestStarted(head.FirstByteTimestamp);
                await reader.SkipBodyAsync(head, ct);
                var (status, body) = Answer(head);
                run?.Answered(head.Method, head.Path, status);
                await WriteResponseAsync(stream, status, body, ct);
                if (string.Equals(head.Header("Connection"), "close", StringComparison.OrdinalIgnoreCase)) break;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidDataException or OperationCanceledException or FormatException)
        {
            // The client went away or spoke nonsense: that connection ends, the server goes on.
        }
    }

    private (int Status, byte[] Body) Answer(HttpRequestHead head)
    {
        if (head.Header("Authorization") != _expectedAuthorization) return (401, Error("missing or wrong bearer token"));
        return (head.Method, head.Path) switch
        {
            ("GET", "/events") when HasQuery(head.Query, "project") && HasQuery(head.Query, "filters") => (200, _pageJson),
            ("GET", "/events") => (400, Error("project and filters are required")),
            ("POST", "/events/export") => (200, _pageJson),
            ("POST", "/events/batch") => (200, _batchJson),
            _ => (404, Error("no such endpoint")),
        };
    }

    private static bool HasQuery(string query, string name) =>
        query.Split('&').Any(p => p.StartsWith(name + "=", StringComparison.Ordinal) && p.Length > name.Length + 1);

    private static byte[] Error(string message) => Encoding.UTF8.GetBytes($"{{\"error\":\"{message}\"}}");

    private static async Task WriteResponseAsync(Stream stream, int status, byte[] body, CancellationToken ct)
    {
        var reason = status switch { 200 => "OK", 400 => "Bad Request", 401 => "Unauthorized", _ => "Not Found" };
        var head = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
        await stream.WriteAsync(head, ct);
        await stream.WriteAsync(body, ct);
        await stream.FlushAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        Task[] open;
        lock (_connections) open = [.. _connections];
        await Task.WhenAll(open);
        _stop.Dispose();
    }
}
