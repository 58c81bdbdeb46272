using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace HoneyHive.Kiota.Http;

/// <summary>Reads just enough of batch request and response bodies to decide on retries and error mapping.</summary>
internal static class BatchBodies
{
    private static readonly ConditionalWeakTable<HttpResponseMessage, StrongBox<bool>> PartialSuccessVerdicts = new();

    /// <summary>
    /// True when the batch body names every event by a non-empty <c>event_id</c>: the server then
    /// treats a repeat as the same events, so the request is safe to send again.
    /// </summary>
    public static bool EveryEventHasId(ReadOnlyMemory<byte> requestBody)
    {
        try
        {
            using var document = JsonDocument.Parse(requestBody);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("events", out var events)
                || events.ValueKind != JsonValueKind.Array
                || events.GetArrayLength() == 0)
            {
                return false;
            }

            foreach (var item in events.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("event_id", out var id)
                    || id.ValueKind != JsonValueKind.String
                    || string.IsNullOrWhiteSpace(id.GetString()))
                {
                    return false;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// True for the batch endpoint's partial success: HTTP 500 with a JSON body listing the
    /// <c>event_ids</c> that were created. It must reach Kiota's error mapping (BatchPartialFailure)
    /// and must never be retried, since some events exist already.
    /// </summary>
    /// <remarks>The retry handler and the error translation both ask about the same answer: its body is parsed once
    /// and the verdict kept with the response.</remarks>
    public static async Task<bool> IsPartialSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.InternalServerError
            || response.RequestMessage is not { } request
            || !Endpoints.IsBatch(request)
            || !MediaTypes.IsJson(response.Content.Headers.ContentType?.MediaType))
        {
            return false;
        }

        if (PartialSuccessVerdicts.TryGetValue(response, out var known))
        {
            return known.Value;
        }

        var verdict = await ListsCreatedIdsAsync(response.Content, cancellationToken).ConfigureAwait(false);
        PartialSuccessVerdicts.AddOrUpdate(response, new StrongBox<bool>(verdict));
        return verdict;
    }

    private static async Task<bool> ListsCreatedIdsAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            var body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("event_ids", out var ids)
                && ids.ValueKind == JsonValueKind.Array;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
