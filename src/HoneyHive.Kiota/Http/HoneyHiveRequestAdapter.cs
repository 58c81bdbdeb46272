using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Serialization;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;

namespace HoneyHive.Kiota.Http;

/// <summary>
/// Kiota's <see cref="IRequestAdapter"/> contract over an <see cref="HttpClient"/>, for the JSON-only
/// HoneyHive API.
/// </summary>
/// <remarks>
/// Kiota's <c>HttpClientRequestAdapter</c> roots its whole default middleware set, its tracing and the
/// content-type registries (and through them the regular-expression engine) in a NativeAOT app, whatever
/// pipeline it is given: about 2 MB of a 9 MB CLI. This adapter does what the generated builders need —
/// authenticate, convert, send, map error statuses, parse JSON — and leaves retries, timeouts, redirects
/// and error translation to the Kiota middleware pipeline of the <see cref="HttpClient"/>.
/// </remarks>
internal sealed class HoneyHiveRequestAdapter(
    IAuthenticationProvider authenticationProvider,
    HoneyHiveJsonParseNodeFactory jsonParseNodeFactory,
    ISerializationWriterFactory serializationWriterFactory,
    HttpClient httpClient,
    SecretRedactor? redactor = null) : IRequestAdapter
{
    public ISerializationWriterFactory SerializationWriterFactory => serializationWriterFactory;

    private string? _baseUrl;

    // Like Kiota's adapter: URL templates start "{+baseurl}/…", so a trailing slash would double up.
    public string? BaseUrl
    {
        get => _baseUrl;
        set => _baseUrl = value?.TrimEnd('/');
    }

    public void EnableBackingStore(IBackingStoreFactory backingStoreFactory) =>
        throw new NotSupportedException("The HoneyHive client's models do not use a backing store.");

    public Task<ModelType?> SendAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable
    {
        ArgumentNullException.ThrowIfNull(factory);
        return SendAndReadAsync(requestInfo, errorMapping, node => node.GetObjectValue(factory), cancellationToken);
    }

    public Task<IEnumerable<ModelType>?> SendCollectionAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable
    {
        ArgumentNullException.ThrowIfNull(factory);
        return SendAndReadAsync(requestInfo, errorMapping, node => node.GetCollectionOfObjectValues(factory), cancellationToken);
    }

    public async Task<ModelType?> SendPrimitiveAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
    {
        var response = await SendRequestAsync(requestInfo, cancellationToken).ConfigureAwait(false);
        if (ResponseHandlerOf(requestInfo) is { } handler)
        {
            return await handler.HandleResponseAsync<HttpResponseMessage, ModelType>(response, errorMapping).ConfigureAwait(false);
        }

        var keepOpen = false;
        try
        {
            await ThrowIfFailedAsync(response, errorMapping, cancellationToken).ConfigureAwait(false);
            if (HasNoContent(response))
            {
                return default;
            }

            if (typeof(ModelType) == typeof(Stream))
            {
                // The caller reads the body; the response lives as long as the stream.
                keepOpen = true;
                return (ModelType)(object)await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            }

            if (typeof(ModelType) == typeof(byte[]))
            {
                return (ModelType)(object)await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }

            var node = await RootNodeAsync(response, cancellationToken).ConfigureAwait(false);
            return node is null ? default : PrimitiveOf<ModelType>(node);
        }
        finally
        {
            if (!keepOpen)
            {
                response.Dispose();
            }
        }
    }

    public Task<IEnumerable<ModelType>?> SendPrimitiveCollectionAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default) =>
        SendAndReadAsync(requestInfo, errorMapping, node => node.GetCollectionOfPrimitiveValues<ModelType>(), cancellationToken);

    public async Task SendNoContentAsync(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
    {
        var response = await SendRequestAsync(requestInfo, cancellationToken).ConfigureAwait(false);
        if (ResponseHandlerOf(requestInfo) is { } handler)
        {
            await handler.HandleResponseAsync<HttpResponseMessage, object>(response, errorMapping).ConfigureAwait(false);
            return;
        }

        using (response)
        {
            await ThrowIfFailedAsync(response, errorMapping, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<T?> ConvertToNativeRequestAsync<T>(RequestInformation requestInfo, CancellationToken cancellationToken = default)
    {
        await AuthenticateAsync(requestInfo, cancellationToken).ConfigureAwait(false);
        var message = ToHttpRequestMessage(requestInfo);
        return message is T native
            ? native
            : throw new InvalidOperationException($"This adapter produces {nameof(HttpRequestMessage)}, not {typeof(T).Name}.");
    }

    // Send, hand over to a response handler when the request names one, else map error statuses and
    // read the JSON body.
    private async Task<TResult?> SendAndReadAsync<TResult>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping, Func<IParseNode, TResult?> read, CancellationToken cancellationToken)
    {
        var response = await SendRequestAsync(requestInfo, cancellationToken).ConfigureAwait(false);
        if (ResponseHandlerOf(requestInfo) is { } handler)
        {
            return await handler.HandleResponseAsync<HttpResponseMessage, TResult>(response, errorMapping).ConfigureAwait(false);
        }

        using (response)
        {
            await ThrowIfFailedAsync(response, errorMapping, cancellationToken).ConfigureAwait(false);
            var node = await RootNodeAsync(response, cancellationToken).ConfigureAwait(false);
            return node is null ? default : read(node);
        }
    }

    private async Task<HttpResponseMessage> SendRequestAsync(RequestInformation requestInfo, CancellationToken cancellationToken)
    {
        await AuthenticateAsync(requestInfo, cancellationToken).ConfigureAwait(false);
        var message = ToHttpRequestMessage(requestInfo);
        return await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    // The base URL goes in first: the authentication provider checks the request's host against the
    // allowed hosts, and the URI cannot be built without it.
    private async Task AuthenticateAsync(RequestInformation requestInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestInfo);
        if (BaseUrl is { } baseUrl)
        {
            requestInfo.PathParameters["baseurl"] = baseUrl;
        }

        await authenticationProvider.AuthenticateRequestAsync(requestInfo, null, cancellationToken).ConfigureAwait(false);
    }

    private HttpRequestMessage ToHttpRequestMessage(RequestInformation requestInfo)
    {
        var message = new HttpRequestMessage(new HttpMethod(requestInfo.HttpMethod.ToString()), requestInfo.URI)
        {
            Version = httpClient.DefaultRequestVersion,
            VersionPolicy = httpClient.DefaultVersionPolicy,
        };

        // The same keys Kiota's adapter uses, so Kiota's middleware and ours find their options.
        foreach (var option in requestInfo.RequestOptions)
        {
            message.Options.Set(new HttpRequestOptionsKey<IRequestOption>(option.GetType().FullName!), option);
        }

        if (requestInfo.Content is { } content && content != Stream.Null)
        {
            message.Content = new StreamContent(content);
        }

        foreach (var (name, values) in requestInfo.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return message;
    }

    private static IResponseHandler? ResponseHandlerOf(RequestInformation requestInfo) =>
        requestInfo.RequestOptions.OfType<ResponseHandlerOption>().FirstOrDefault()?.ResponseHandler;

    // Kiota's error mapping: the exact status, then 4XX/5XX, then XXX; the mapped model is thrown.
    private async Task ThrowIfFailedAsync(HttpResponseMessage response, Dictionary<string, ParsableFactory<IParsable>>? errorMapping, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var code = status.ToString(CultureInfo.InvariantCulture);
        // Redacted like the pipeline's own exceptions: a server may echo the key in a header.
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = redactor is null ? header.Value : header.Value.Select(redactor.Redact).ToArray();
        }

        ParsableFactory<IParsable>? errorFactory = null;
        var mapped = errorMapping is not null
            && (errorMapping.TryGetValue(code, out errorFactory)
                || (status is >= 400 and < 500 && errorMapping.TryGetValue("4XX", out errorFactory))
                || (status is >= 500 and < 600 && errorMapping.TryGetValue("5XX", out errorFactory))
                || errorMapping.TryGetValue("XXX", out errorFactory));
        if (!mapped || errorFactory is null)
        {
            throw new ApiException($"The server returned an unexpected status code and no error factory is registered for this code: {code}")
            {
                ResponseStatusCode = status,
                ResponseHeaders = headers,
            };
        }

        var node = await RootNodeAsync(response, cancellationToken).ConfigureAwait(false);
        if (node?.GetObjectValue(errorFactory) is not Exception error)
        {
            throw new ApiException($"The server returned status {code} and a body that is not the error described for it.")
            {
                ResponseStatusCode = status,
                ResponseHeaders = headers,
            };
        }

        if (error is ApiException api)
        {
            api.ResponseStatusCode = status;
            api.ResponseHeaders = headers;
        }

        throw error;
    }

    private async Task<HoneyHiveJsonParseNode?> RootNodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (HasNoContent(response) || response.Content.Headers.ContentType?.MediaType is not { Length: > 0 } mediaType)
        {
            return null;
        }

        if (!MediaTypes.IsJson(mediaType))
        {
            throw new HoneyHiveResponseFormatException($"The response is {mediaType}, not JSON.");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            if (stream.CanSeek && stream.Length == 0)
            {
                return null;
            }

            return await jsonParseNodeFactory.ParseAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A 204, or a body that says it is empty.</summary>
    internal static bool HasNoContent(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0;

    private static ModelType? PrimitiveOf<ModelType>(HoneyHiveJsonParseNode node)
    {
        var type = Nullable.GetUnderlyingType(typeof(ModelType)) ?? typeof(ModelType);
        return PrimitiveValues.TryRead(type, node, out var value)
            ? value is null ? default : (ModelType)value
            : throw new NotSupportedException($"Reading a {typeof(ModelType).Name} response is not supported.");
    }
}
