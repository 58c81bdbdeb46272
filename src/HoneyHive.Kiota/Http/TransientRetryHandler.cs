using System.Diagnostics;
using System.Net;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Telemetry;
using Microsoft.Kiota.Http.HttpClientLibrary.Extensions;

namespace HoneyHive.Kiota.Http;

/// <summary>
/// Retries transient failures (408, 429, 500, 502, 503, 504, connection errors, per-attempt timeouts)
/// with exponential backoff and jitter (<see cref="Http.Backoff"/>), honouring <c>Retry-After</c>. Replaces Kiota's
/// RetryHandler, which only knows 429/503/504 and retries any POST.
/// </summary>
/// <remarks>
/// A request is only sent again when a repeat cannot do harm: reads (GET, and the read-only
/// <c>POST /events/export</c>), and <c>POST /events/batch</c> only when it carries
/// <see cref="IdempotentBatchRequestOption"/> or every event in its body has an <c>event_id</c>.
/// The batch partial success (500 with <c>event_ids</c>) is never retried: events were created.
/// </remarks>
internal sealed class TransientRetryHandler(RetryOptions options, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(AttemptCounter.Key, out var attempts);
        if (options.MaxRetries == 0)
        {
            attempts?.Add();
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // Buffered once, so every attempt sends the same bytes.
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var retryable = IsSafeToRepeat(request, body);
        var message = request;
        for (var attempt = 0; ; attempt++)
        {
            var canRetry = retryable && attempt < options.MaxRetries;
            HttpResponseMessage response;
            attempts?.Add();
            try
            {
                response = await base.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (canRetry && IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                var wait = options.Backoff.Delay(attempt);
                RecordRetry(request, attempt, ex.GetType().Name, wait);
                await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
                message = RequestCloner.Clone(request, RequestCloner.CopyContent(request.Content, body));
                continue;
            }

            if (!canRetry || !IsRetryableStatus(response.StatusCode)
                || await BatchBodies.IsPartialSuccessAsync(response, cancellationToken).ConfigureAwait(false))
            {
                return response;
            }

            var retryAfter = options.RespectRetryAfter ? RetryAfterHeader.Read(response, timeProvider) : null;
            if (retryAfter > options.MaxRetryAfter)
            {
                // Waiting less than the server asked would only earn another 429; let the caller decide.
                return response;
            }

            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Dispose();
            var delay = retryAfter ?? options.Backoff.Delay(attempt);
            RecordRetry(request, attempt, status, delay);
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            message = RequestCloner.Clone(request, RequestCloner.CopyContent(request.Content, body));
        }
    }

    // Each retry is counted and shows on the call's span with its reason and wait: a slow call says why.
    private static void RecordRetry(HttpRequestMessage request, int attempt, string reason, TimeSpan delay)
    {
        var endpoint = Endpoints.Name(request);
        HoneyHiveTelemetry.Retries.Add(1, new TagList
        {
            { TelemetryTags.Endpoint, endpoint },
            { TelemetryTags.ServerAddress, request.RequestUri?.Host },
            { TelemetryTags.RetryReason, reason },
        });
        Activity.Current?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection
        {
            [TelemetryTags.RetryAttempt] = attempt + 1,
            [TelemetryTags.RetryReason] = reason,
            [TelemetryTags.RetryDelay] = delay.TotalMilliseconds,
        }));
    }

    private static bool IsSafeToRepeat(HttpRequestMessage request, byte[]? body)
    {
        if (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options)
        {
            return true;
        }

        if (Endpoints.IsExport(request))
        {
            return true;
        }

        return Endpoints.IsBatch(request)
            && (request.GetRequestOption<IdempotentBatchRequestOption>() is not null
                || (body is not null && BatchBodies.EveryEventHasId(body)));
    }

    private static bool IsTransient(Exception exception) =>
        exception is HttpRequestException or HoneyHiveTimeoutException;

    private static bool IsRetryableStatus(HttpStatusCode status) => (int)status is 408 or 429 or 500 or 502 or 503 or 504;
}
