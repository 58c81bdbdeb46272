namespace HoneyHive.Kiota.EndToEnd.Tests.Ingestion;

/// <summary>Holds every request until the gate opens (or the request is cancelled), counting those held.</summary>
internal sealed class GatedHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    public int Held => Volatile.Read(ref _held);

    /// <summary>Completes when the first request is held.</summary>
    public Task FirstHeld => _firstHeld.Task;

    public void Open() => _open.TrySetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _held);
        _firstHeld.TrySetResult();
        await _open.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
