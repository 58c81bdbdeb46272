namespace HoneyHive.Kiota.Pagination;

/// <summary>
/// Keeps up to <c>depth</c> pages of a read in flight ahead of the page being delivered; the read takes
/// them in order. With the page being delivered, at most <c>depth + 1</c> pages are in memory.
/// </summary>
/// <param name="fetch">Fetches one page.</param>
/// <param name="depth">Pages in flight at most.</param>
/// <param name="cancellationToken">The read's token.</param>
internal sealed class PagePrefetcher(Func<int, CancellationToken, Task<FetchedPage>> fetch, int depth, CancellationToken cancellationToken) : IAsyncDisposable
{
    private readonly Dictionary<int, Task<FetchedPage>> _pending = [];
    private CancellationTokenSource _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    private int _next;

    /// <summary>The fetch of <paramref name="page"/> when it was started ahead, else null.</summary>
    public Task<FetchedPage>? Take(int page) => _pending.Remove(page, out var task) ? task : null;

    /// <summary>Starts fetching pages from <paramref name="from"/> up to <paramref name="last"/>, keeping at most
    /// the depth in flight.</summary>
    public void Fill(int from, int last)
    {
        _next = Math.Max(_next, from);
        while (_pending.Count < depth && _next <= last)
        {
            _pending[_next] = fetch(_next, _cancel.Token);
            _next++;
        }
    }

    /// <summary>Drops every page fetched ahead (the set changed under them); the next <see cref="Fill"/> starts afresh.</summary>
    public void Discard()
    {
        var cancel = _cancel;
        cancel.Cancel();
        var released = _pending.Values.Select(ReleaseAsync).ToArray();
        _pending.Clear();

        // Disposed once the dropped fetches are over: a linked source holds a registration on the read's token.
        _ = Task.WhenAll(released).ContinueWith(static (_, source) => ((CancellationTokenSource)source!).Dispose(), cancel, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _next = 0;
    }

    /// <summary>Cancels the pages still in flight and returns their buffers.</summary>
    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync().ConfigureAwait(false);
        foreach (var task in _pending.Values)
        {
            await ReleaseAsync(task).ConfigureAwait(false);
        }

        _pending.Clear();
        _cancel.Dispose();
    }

    // A page nobody will read: its buffer goes back to the pool, and its failure (often the cancellation
    // itself) is not the read's, which has ended or moved on.
    private static async Task ReleaseAsync(Task<FetchedPage> task)
    {
        try
        {
            (await task.ConfigureAwait(false)).Body?.Dispose();
        }
        catch (Exception)
        {
            // Deliberately ignored: see above.
        }
    }
}
