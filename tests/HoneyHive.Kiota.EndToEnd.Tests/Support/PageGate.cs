using System.Globalization;
using System.Text.Json;

namespace HoneyHive.Kiota.EndToEnd.Tests.Support;

/// <summary>
/// The client's innermost handler in front of a real SocketsHttpHandler: it holds the page requests the
/// test names until the test opens them, so a test decides when the server sees each page (and so which
/// set of events it pages over), and it logs the page numbers asked for and answered. Waits are on signals,
/// never on sleeps.
/// </summary>
internal sealed class PageGate : DelegatingHandler
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly Dictionary<int, TaskCompletionSource> _held = [];
    private readonly Dictionary<int, TaskCompletionSource> _answered = [];
    private readonly List<int> _pages = [];

    public PageGate()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>Page numbers in the order their requests reached the gate (held ones included).</summary>
    public IReadOnlyList<int> Pages
    {
        get
        {
            lock (_lock)
            {
                return [.. _pages];
            }
        }
    }

    /// <summary>How many requests asked for <paramref name="page"/>.</summary>
    public int RequestsFor(int page) => Pages.Count(p => p == page);

    /// <summary>Holds every request for <paramref name="pages"/> until <see cref="Open"/>.</summary>
    public void Hold(params int[] pages)
    {
        lock (_lock)
        {
            foreach (var page in pages)
            {
                _held[page] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Sends the held requests for <paramref name="pages"/> on, and lets later ones through.</summary>
    public void Open(params int[] pages)
    {
        lock (_lock)
        {
            foreach (var page in pages)
            {
                if (_held.Remove(page, out var gate))
                {
                    gate.TrySetResult();
                }
            }
        }
    }

    /// <summary>Completes when the server has answered a request for <paramref name="page"/>.</summary>
    public Task WhenAnswered(int page) => Answered(page).Task.WaitAsync(WaitLimit);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var page = await PageOfAsync(request, cancellationToken);
        Task gate;
        lock (_lock)
        {
            _pages.Add(page);
            gate = _held.TryGetValue(page, out var held) ? held.Task : Task.CompletedTask;
        }

        await gate.WaitAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        Answered(page).TrySetResult();
        return response;
    }

    private TaskCompletionSource Answered(int page)
    {
        lock (_lock)
        {
            if (!_answered.TryGetValue(page, out var answered))
            {
                _answered[page] = answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return answered;
        }
    }

    private static async Task<int> PageOfAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
        {
            foreach (var pair in request.RequestUri!.Query.TrimStart('?').Split('&'))
            {
                if (pair.StartsWith("page=", StringComparison.Ordinal))
                {
                    return int.Parse(pair["page=".Length..], CultureInfo.InvariantCulture);
                }
            }

            throw new InvalidOperationException($"No page in {request.RequestUri}");
        }

        // Buffers the body, which is then sent from the buffer.
        using var body = JsonDocument.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("page").GetInt32();
    }
}
