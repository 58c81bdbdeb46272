using System.Diagnostics.CodeAnalysis;
using System.Globalization;
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
    SecretRedactor redactor) : IRequestAdapter
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
        return SendAndReadAsync(requestInfo, errorMapping, (response, token) => ReadJsonAsync(response, node => node.GetObjectValue(factory), token), cancellationToken);
    }

    public Task<IEnumerable<ModelType>?> SendCollectionAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable
    {
        ArgumentNullException.ThrowIfNull(factory);
        return SendAndReadAsync(requestInfo, errorMapping, (response, token) => ReadJsonAsync(response, node => node.GetCollectionOfObjectValues(factory), token), cancellationToken);
    }

    public Task<ModelType?> SendPrimitiveAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default) =>
        SendAndReadAsync<ModelType>(requestInfo, errorMapping, ReadPrimitiveAsync<ModelType>, cancellationToken);

    public Task<IEnumerable<ModelType>?> SendPrimitiveCollectionAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default) =>
        SendAndReadAsync(requestInfo, errorMapping, (response, token) => ReadJsonAsync(response, node => node.GetCollectionOfPrimitiveValues<ModelType>(), token), cancellationToken);

    public Task SendNoContentAsync(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default) =>
        SendAndReadAsync<object>(requestInfo, errorMapping, read: null, cancellationToken);

    public async Task<T?> ConvertToNativeRequestAsync<T>(RequestInformation requestInfo, CancellationToken cancellationToken = default)
    {
        await AuthenticateAsync(requestInfo, cancellationToken).ConfigureAwait(false);
        var message = ToHttpRequestMessage(requestInfo);
        return message is T native
            ? native
            : throw new InvalidOperationException($"This adapter produces {nameof(HttpRequestMessage)}, not {typeof(T).Name}.");
    }

    // Send, map error statuses (Kiota's contract, before any response handler: ours read only successes),
    // then hand the response to the request's response handler or read its body. A body that fails to parse
    // is reported with the response's status, path and request id, which only this method holds.
    private async Task<TResult?> SendAndReadAsync<TResult>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping, Func<HttpResponseMessage, CancellationToken, Task<TResult?>>? read, CancellationToken cancellationToken)
    {
        var response = await SendRequestAsync(requestInfo, cancellationToken).ConfigureAwait(false);
        var handedOver = false;
        try
        {
            await ThrowIfFailedAsync(response, errorMapping, cancellationToken).ConfigureAwait(false);
            if (ResponseHandlerOf(requestInfo) is { } handler)
            {
                handedOver = true;
                return await handler.HandleResponseAsync<HttpResponseMessage, TResult>(response, errorMapping).ConfigureAwait(false);
            }

            if (read is null || MediaTypes.HasNoBody(response))
            {
                return default;
            }

            var value = await read(response, cancellationToken).ConfigureAwait(false);
            // A stream is read after this returns: the response lives as long as it.
            handedOver = value is Stream;
            return value;
        }
        catch (HoneyHiveResponseFormatException ex) when (ex.ResponseStatusCode == 0)
        {
            throw ErrorFactory.CreateFormat(ex, ResponseDetailsReader.Describe(response, redactor));
        }
        finally
        {
            if (!handedOver)
            {
                response.Dispose();
            }
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
        var headers = ResponseDetailsReader.Describe(response, redactor).Headers;

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

        var body = MediaTypes.HasNoBody(response) ? null : await ReadJsonAsync(response, node => node.GetObjectValue(errorFactory), cancellationToken).ConfigureAwait(false);
        if (body is not Exception error)
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

    private async Task<T?> ReadJsonAsync<T>(HttpResponseMessage response, Func<HoneyHiveJsonParseNode, T?> read, CancellationToken cancellationToken)
    {
        if (MediaTypes.NotJsonReason(response) is { } reason)
        {
            throw ErrorFactory.CreateFormat(reason, ResponseDetailsReader.Describe(response, redactor));
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return stream.CanSeek && stream.Length == 0
                ? default
                : read(await jsonParseNodeFactory.ParseAsync(stream, cancellationToken).ConfigureAwait(false));
        }
    }

    private async Task<ModelType?> ReadPrimitiveAsync<ModelType>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (typeof(ModelType) == typeof(Stream))
        {
            return (ModelType)(object)await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }

        if (typeof(ModelType) == typeof(byte[]))
        {
            return (ModelType)(object)await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        return await ReadJsonAsync(response, PrimitiveOf<ModelType>, cancellationToken).ConfigureAwait(false);
    }

    private static ModelType? PrimitiveOf<ModelType>(HoneyHiveJsonParseNode node)
    {
        var type = Nullable.GetUnderlyingType(typeof(ModelType)) ?? typeof(ModelType);
        return PrimitiveValues.TryRead(type, node, out var value)
            ? value is null ? default : (ModelType)value
            : throw new NotSupportedException($"Reading a {typeof(ModelType).Name} response is not supported.");
    }
}
