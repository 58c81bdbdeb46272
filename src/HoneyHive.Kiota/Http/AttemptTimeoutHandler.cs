using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Kiota.Http;

/// <summary>
/// Bounds each attempt (sending, and reading the whole body) by a timeout: the export timeout for
/// <c>POST /events/export</c>, the request timeout for everything else. It sits inside the retry
/// handler so every retry gets a fresh budget.
/// </summary>
/// <remarks>
/// An elapsed timeout surfaces as <see cref="HoneyHiveTimeoutException"/>; the caller's own
/// cancellation stays an <see cref="OperationCanceledException"/>, so the two can be told apart.
/// The body is buffered here so later handlers (retry, error mapping) and Kiota can read it again; a connection
/// that closes or resets while it arrives is reported as an <see cref="HttpRequestException"/> saying how much came.
/// </remarks>
internal sealed class AttemptTimeoutHandler(TimeSpan requestTimeout, TimeSpan exportTimeout, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var timeout = Endpoints.IsExport(request) ? exportTimeout : requestTimeout;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await SendAndBufferAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var timer = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await SendAndBufferAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Sockets report a cancelled read as IOException or HttpRequestException as often as as
            // OperationCanceledException; the timer is the reliable witness.
            throw new HoneyHiveTimeoutException(
                $"{request.Method} {request.RequestUri?.AbsolutePath} did not complete within {timeout.TotalSeconds:0.###} s.",
                timeout,
                ex);
        }
    }

    // A connection that fails once the answer has begun throws IOException, not HttpRequestException: here it
    // becomes the network error it is, with what was received, so the retry handler above can repeat a request
    // that is safe to repeat (when the timer or the caller cancelled, the outer catch and the caller decide).
    private async Task<HttpResponseMessage> SendAndBufferAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw IncompleteAnswers.Broken(ex);
        }

        try
        {
            response.Content = await PooledBufferContent.LoadAsync(response.Content, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (ResponseBodyCutException ex)
        {
            var error = IncompleteAnswers.BodyCut(response, ex);
            response.Dispose();
            throw error;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
