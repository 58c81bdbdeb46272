using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Http;
using HoneyHive.Kiota.Serialization;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.Pagination;

/// <summary>
/// Takes a page response instead of the request adapter (Kiota's <see cref="ResponseHandlerOption"/>) and
/// keeps it scanned but unparsed, so the pager can turn its events into models one at a time.
/// </summary>
internal sealed class PageResponseHandler : IResponseHandler
{
    /// <summary>The scanned body, or null when the response had none.</summary>
    public PageBody? Page { get; private set; }

    public async Task<ModelType?> HandleResponseAsync<NativeResponseType, ModelType>(NativeResponseType response, Dictionary<string, ParsableFactory<IParsable>>? errorMappings)
    {
        if (response is not HttpResponseMessage message)
        {
            throw new InvalidOperationException($"The page reader needs an {nameof(HttpResponseMessage)}; the request adapter passed a {typeof(NativeResponseType).Name}.");
        }

        using (message)
        {
            // The adapter has mapped error statuses already: this sees successes only.
            if (MediaTypes.HasNoBody(message))
            {
                return default;
            }

            if (MediaTypes.NotJsonReason(message) is { } reason)
            {
                throw new HoneyHiveResponseFormatException(reason);
            }

            var (buffer, length) = await TakeBodyAsync(message.Content).ConfigureAwait(false);
            Page = PageBody.Scan(buffer, length);
        }

        return default;
    }

    // The client's pipeline has read the body into a pooled buffer already: the page takes that buffer over, so a
    // page costs one page-sized rental, not two (with N pages fetched ahead, N + 1 alive rather than 2N + 1).
    private static async Task<(byte[] Buffer, int Length)> TakeBodyAsync(HttpContent content)
    {
        if (content is PooledBufferContent pooled)
        {
            return pooled.Detach();
        }

        var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await BodyBufferPool.ReadAllAsync(stream, content.Headers.ContentLength, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
