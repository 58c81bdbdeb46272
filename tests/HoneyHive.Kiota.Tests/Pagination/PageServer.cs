using System.Text;
using System.Text.Json;

namespace HoneyHive.Kiota.Tests.Pagination;

/// <summary>
/// A thread-safe GET /events and POST /events/export for parallel reads: answers page p from a function of
/// (page, limit) with events <c>e{p}-{i}</c>, can hold any page on a gate until the test opens it, and
/// counts requests received, in flight (max too) and answered, with waits on those counts instead of sleeps.
/// </summary>
internal sealed class PageServer : HttpMessageHandler
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly Func<int, int, PageAnswer> _answer;
    private readonly Lock _lock = new();
    private readonly List<int> _pages = [];
    private readonly List<(Func<bool> Done, TaskCompletionSource Signal)> _waiters = [];
    private readonly Dictionary<int, TaskCompletionSource> _gates = [];
    private int _inFlight;
    private int _maxInFlight;
    private int _answered;

    public PageServer(Func<int, int, PageAnswer> answer) => _answer = answer;

    /// <summary>A server holding <paramref name="total"/> events that reports the true total.</summary>
    public static PageServer Honest(long total) => new((page, limit) =>
    {
        var skip = (long)(page - 1) * limit;
        return new PageAnswer((int)Math.Clamp(total - skip, 0, limit), total);
    });

    /// <summary>A response to send instead of the page, by page number; null for the page.</summary>
    public Func<int, HttpResponseMessage?>? Override { get; set; }

    /// <summary>The page numbers requested, in the order the requests arrived.</summary>
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

    public int Received
    {
        get
        {
            lock (_lock)
            {
                return _pages.Count;
            }
        }
    }

    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>The most requests that were ever in this handler at once.</summary>
    public int MaxInFlight
    {
        get
        {
            lock (_lock)
            {
                return _maxInFlight;
            }
        }
    }

    /// <summary>Requests answered (their response handed back to the client).</summary>
    public int Answered
    {
        get
        {
            lock (_lock)
            {
                return _answered;
            }
        }
    }

    /// <summary>Holds requests for <paramref name="pages"/> until <see cref="Open"/> is called for them.</summary>
    public void Hold(params int[] pages)
    {
        lock (_lock)
        {
            foreach (var page in pages)
            {
                _gates[page] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Lets the held requests for <paramref name="pages"/> (and later ones for them) through.</summary>
    public void Open(params int[] pages)
    {
        lock (_lock)
        {
            foreach (var page in pages)
            {
                _gates.Remove(page, out var gate);
                gate?.TrySetResult();
            }
        }
    }

    public Task WhenReceived(int count) => When(() => _pages.Count >= count, $"{count} requests received");

    public Task WhenAnswered(int count) => When(() => _answered >= count, $"{count} requests answered");

    public Task WhenInFlight(int count) => When(() => _inFlight >= count, $"{count} requests in flight");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int page, limit;
        if (request.Method == HttpMethod.Get)
        {
            page = int.Parse(FlowTestClient.Query(request.RequestUri!, "page")!, System.Globalization.CultureInfo.InvariantCulture);
            limit = int.Parse(FlowTestClient.Query(request.RequestUri!, "limit")!, System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            using var json = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            page = json.RootElement.GetProperty("page").GetInt32();
            limit = json.RootElement.GetProperty("limit").GetInt32();
        }

        Task gate;
        lock (_lock)
        {
            _pages.Add(page);
            _inFlight++;
            _maxInFlight = Math.Max(_maxInFlight, _inFlight);
            gate = _gates.TryGetValue(page, out var held) ? held.Task : Task.CompletedTask;
            Signal();
        }

        try
        {
            await gate.WaitAsync(cancellationToken);
            return Override?.Invoke(page) ?? FlowTestClient.Json(PageJson(page, _answer(page, limit)));
        }
        finally
        {
            lock (_lock)
            {
                _inFlight--;
                _answered++;
                Signal();
            }
        }
    }

    private static string PageJson(int page, PageAnswer answer)
    {
        var json = new StringBuilder("{\"events\":[");
        for (var i = 0; i < answer.Count; i++)
        {
            if (i > 0) json.Append(',');
            json.Append("{\"event_id\":\"e").Append(page).Append('-').Append(i).Append("\",\"event_type\":\"model\"}");
        }

        json.Append(']');
        if (answer.Total is { } total) json.Append(",\"totalEvents\":").Append(total);
        return json.Append('}').ToString();
    }

    private Task When(Func<bool> done, string what)
    {
        lock (_lock)
        {
            if (done())
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((done, signal));
            return signal.Task.WaitAsync(WaitLimit).ContinueWith(
                t => t.IsFaulted ? throw new TimeoutException($"Waited {WaitLimit.TotalSeconds} s for {what}; pages requested: {string.Join(", ", Pages)}.") : t,
                TaskScheduler.Default).Unwrap();
        }
    }

    // Under _lock.
    private void Signal()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Done())
            {
                _waiters[i].Signal.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }
}
