using System.Diagnostics;
using HoneyHive.Kiota.Http;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Telemetry;
using Microsoft.Kiota.Abstractions;

namespace HoneyHive.Kiota.Batching;

/// <summary>
/// Sends any number of events through POST /events/batch in chunks and reports the outcome of every
/// event, including the server's partial-success answer (HTTP 500 with <c>event_ids</c> and <c>errors</c>).
/// </summary>
/// <remarks>
/// <para>Every event without an <c>event_id</c> gets a UUID before anything is sent; the
/// <see cref="CreateEventRequest"/> objects passed in are updated, so callers can see the ids.</para>
/// <para>A chunk that fails as a whole (any exception after the HTTP pipeline's own retries) marks its
/// events failed with the exception's message, and the next chunk is sent. An event too large for any request
/// (<see cref="EventTooLargeException"/>) or that cannot be written as JSON (<see cref="EventNotWritableException"/>)
/// is failed alone, without a request. Cancellation stops the batch
/// with a <see cref="BatchCanceledException"/> holding the outcomes known so far.</para>
/// </remarks>
/// <param name="api">The generated client.</param>
/// <param name="options">How to split and send; defaults when null.</param>
internal sealed class EventBatcher(HoneyHiveApiClient api, BatchOptions? options = null)
{
    private readonly HoneyHiveApiClient _api = api ?? throw new ArgumentNullException(nameof(api));
    private readonly BatchOptions _options = options ?? new BatchOptions();

    /// <summary>Sends the events and reports what happened to each.</summary>
    /// <param name="events">The events; none null, no two with the same <c>event_id</c>.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>One outcome per event, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    /// <exception cref="ArgumentException">An event is null, or two events have the same <c>event_id</c>.</exception>
    /// <exception cref="BatchCanceledException">The batch was cancelled.</exception>
    public async Task<BatchResult> SendAsync(IEnumerable<CreateEventRequest> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events as IReadOnlyList<CreateEventRequest> ?? events.ToList();
        EventIds.Assign(list, nameof(events));

        // Read the options once: a change during the call does not mix settings between chunks.
        var singleSession = _options.IsSingleSession == true;
        var maxBatchBytes = _options.MaxBatchBytes;

        // The session id a multi-chunk single session needs is a UUID either way, so the envelope measured
        // with a placeholder of the same length is the envelope sent.
        var session = SessionFor(_options.SessionProperties, singleSession && list.Count > 1);
        var (chunks, tooLarge, notWritable) = BatchChunker.Plan(list, _options.BatchSize, maxBatchBytes, Envelope(session));
        if (chunks.Count <= 1 && session.Picked)
        {
            session = SessionFor(_options.SessionProperties, needsSharedId: false);
        }

        var parallelism = singleSession ? 1 : _options.MaxParallelism;
        var outcomes = new BatchEventOutcome?[list.Count];
        var tally = new ProgressTally(list.Count, _options.Progress);
        foreach (var (index, requestBytes) in tooLarge)
        {
            var tooLargeError = new EventTooLargeException(list[index].EventId!, requestBytes, maxBatchBytes);
            outcomes[index] = new BatchEventOutcome(index, list[index], BatchEventStatus.Failed, tooLargeError.Message, tooLargeError, null);
        }

        foreach (var (index, error) in notWritable)
        {
            outcomes[index] = new BatchEventOutcome(index, list[index], BatchEventStatus.Failed, error.Message, error, null);
        }

        if (tooLarge.Count + notWritable.Count > 0)
        {
            RecordNotSent(tooLarge.Count + notWritable.Count);
            tally.Add(new ChunkCounts(tooLarge.Count + notWritable.Count, 0, tooLarge.Count + notWritable.Count));
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (parallelism == 1)
            {
                foreach (var chunk in chunks)
                {
                    tally.Add(await SendChunkAsync(chunk, session, outcomes, cancellationToken).ConfigureAwait(false));
                }
            }
            else
            {
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(chunks, parallel, async (chunk, token) =>
                    tally.Add(await SendChunkAsync(chunk, session, outcomes, token).ConfigureAwait(false))).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException canceled) when (cancellationToken.IsCancellationRequested)
        {
            ChunkOutcomes.FillCanceled(list, outcomes);
            throw new BatchCanceledException(new BatchResult(Complete(outcomes), SessionIdOf(session, outcomes)), canceled, cancellationToken);
        }

        return new BatchResult(Complete(outcomes), SessionIdOf(session, outcomes));
    }

    // Sends one chunk, records an outcome for each of its events, and returns how they came out.
    private async Task<ChunkCounts> SendChunkAsync(BatchChunk chunk, SessionSettings session, BatchEventOutcome?[] outcomes, CancellationToken cancellationToken)
    {
        var body = new BatchEventsRequest
        {
            Events = chunk.Events,
            IsSingleSession = _options.IsSingleSession,
            SessionProperties = session.Properties,
        };

        using var activity = HoneyHiveTelemetry.Source.StartActivity("HoneyHive batch chunk");
        activity?.SetTag(TelemetryTags.Chunk, chunk.Index);
        activity?.SetTag(TelemetryTags.Events, chunk.Events.Count);
        ChunkCounts counts;
        try
        {
            await SendAsync(chunk, body, outcomes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            counts = ChunkCounts.Of(chunk, outcomes);
            Record(activity, counts);
        }

        return counts;
    }

    // The created and failed events of one chunk, on its span and in the client's counters.
    private void Record(Activity? activity, ChunkCounts counts)
    {
        var (_, created, failed) = counts;
        var server = new KeyValuePair<string, object?>(TelemetryTags.ServerAddress, ServerAddress);
        HoneyHiveTelemetry.EventsCreated.Add(created, server);
        HoneyHiveTelemetry.EventsFailed.Add(failed, server);
        if (activity is not null)
        {
            activity.SetTag(TelemetryTags.Created, created);
            activity.SetTag(TelemetryTags.Failed, failed);
            if (failed > 0)
            {
                activity.SetStatus(ActivityStatusCode.Error, $"{failed} of {counts.Events} events were not created");
            }
        }
    }

    private string? ServerAddress => Uri.TryCreate(_api.Adapter.BaseUrl, UriKind.Absolute, out var url) ? url.Host : null;

    private async Task SendAsync(BatchChunk chunk, BatchEventsRequest body, BatchEventOutcome?[] outcomes, CancellationToken cancellationToken)
    {
        try
        {
            // Every event has an id by now (EventIds.Assign), so a repeat stores nothing twice: the retry handler is
            // told so rather than parsing the whole body (up to the byte budget) on every send to find out.
            var response = await _api.Events.Batch.PostAsync(body, MarkSafeToRepeat, cancellationToken).ConfigureAwait(false);
            ChunkOutcomes.FromResponse(chunk, response, outcomes);
        }
        catch (BatchPartialFailure partial)
        {
            ChunkOutcomes.FromPartialFailure(chunk, partial.EventIds, partial.Errors, null,
                "The server answered HTTP 500 (partial success) without listing this event as created or giving an error for it.", outcomes);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Includes timeouts (TaskCanceledException without our token cancelled): the chunk failed, the batch goes on.
            ChunkOutcomes.FromException(chunk, exception, outcomes);
        }
    }

    private static void MarkSafeToRepeat(RequestConfiguration<DefaultQueryParameters> request) =>
        request.Options.Add(IdempotentBatchRequestOption.Instance);

    // Every path of SendChunkAsync records an outcome for each of its events; a gap is a bug here,
    // and failing loudly beats a result that silently drops events.
    private static BatchEventOutcome[] Complete(BatchEventOutcome?[] outcomes)
    {
        var index = Array.IndexOf(outcomes, null);
        if (index >= 0)
        {
            throw new InvalidOperationException($"Internal error: no outcome was recorded for event {index}.");
        }

        return outcomes.Select(o => o!).ToArray();
    }

    // The request body every chunk shares, without its events: what the byte budget is measured against.
    private BatchEventsRequest Envelope(SessionSettings session) => new()
    {
        Events = [],
        IsSingleSession = _options.IsSingleSession,
        SessionProperties = session.Properties,
    };

    // Events that fit no request, or cannot be written, are failed without a request: no chunk span records them.
    private void RecordNotSent(int count) =>
        HoneyHiveTelemetry.EventsFailed.Add(count, new KeyValuePair<string, object?>(TelemetryTags.ServerAddress, ServerAddress));

    private static SessionSettings SessionFor(SessionProperties? given, bool needsSharedId)
    {
        if (!needsSharedId || !string.IsNullOrWhiteSpace(given?.SessionId))
        {
            return new SessionSettings(given, given?.SessionId, Picked: false);
        }

        // Without a shared id each chunk would start its own session; pick one for this call,
        // on a copy so the caller's options stay reusable.
        var copy = SessionPropertiesCopy.Of(given);
        copy.SessionId = Guid.NewGuid().ToString();
        return new SessionSettings(copy, copy.SessionId, Picked: true);
    }

    private string? SessionIdOf(SessionSettings session, BatchEventOutcome?[] outcomes) =>
        _options.IsSingleSession != true
            ? null
            : session.SessionId ?? outcomes.FirstOrDefault(o => o?.SessionId is not null)?.SessionId;

    private sealed record SessionSettings(SessionProperties? Properties, string? SessionId, bool Picked);

    // How one chunk's events came out.
    private readonly record struct ChunkCounts(int Events, int Created, int Failed)
    {
        public static ChunkCounts Of(BatchChunk chunk, BatchEventOutcome?[] outcomes)
        {
            var (created, failed) = (0, 0);
            for (var i = chunk.Start; i < chunk.Start + chunk.Events.Count; i++)
            {
                switch (outcomes[i]?.Status)
                {
                    case BatchEventStatus.Created: created++; break;
                    case BatchEventStatus.Failed: failed++; break;
                }
            }

            return new ChunkCounts(chunk.Events.Count, created, failed);
        }
    }

    // Running totals across chunks (which may finish on several threads) for BatchOptions.Progress.
    private sealed class ProgressTally(int total, IProgress<BatchProgress>? progress)
    {
        private readonly Lock _lock = new();
        private BatchProgress _now = new(0, 0, 0, total);

        public void Add(ChunkCounts chunk)
        {
            if (progress is null)
            {
                return;
            }

            BatchProgress now;
            lock (_lock)
            {
                now = _now = _now with { Done = _now.Done + chunk.Events, Created = _now.Created + chunk.Created, Failed = _now.Failed + chunk.Failed };
            }

            progress.Report(now);
        }
    }
}
