using System.Diagnostics.CodeAnalysis;
using HoneyHive.Kiota.Errors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;

namespace HoneyHive.Kiota.Http;

/// <summary>
/// Wraps Kiota's request adapter so that a response body failing to parse (truncated or invalid JSON)
/// is reported with the response's status, method, path and request id. The parse node factory only
/// sees a stream; the pipeline records the response in a <see cref="ResponseContextOption"/> and this
/// adapter joins the two.
/// </summary>
internal sealed class ContextualRequestAdapter(IRequestAdapter inner) : IRequestAdapter
{
    public ISerializationWriterFactory SerializationWriterFactory => inner.SerializationWriterFactory;

    public string? BaseUrl
    {
        get => inner.BaseUrl;
        set => inner.BaseUrl = value;
    }

    public void EnableBackingStore(IBackingStoreFactory backingStoreFactory) => inner.EnableBackingStore(backingStoreFactory);

    public Task<T?> ConvertToNativeRequestAsync<T>(RequestInformation requestInfo, CancellationToken cancellationToken = default) =>
        inner.ConvertToNativeRequestAsync<T>(requestInfo, cancellationToken);

    public Task<ModelType?> SendAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable =>
        DescribingFormatErrorsAsync(requestInfo, () => inner.SendAsync(requestInfo, factory, errorMapping, cancellationToken));

    public Task<IEnumerable<ModelType>?> SendCollectionAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable =>
        DescribingFormatErrorsAsync(requestInfo, () => inner.SendCollectionAsync(requestInfo, factory, errorMapping, cancellationToken));

    public Task<ModelType?> SendPrimitiveAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default) =>
        DescribingFormatErrorsAsync(requestInfo, () => inner.SendPrimitiveAsync<ModelType>(requestInfo, errorMapping, cancellationToken));

    public Task<IEnumerable<ModelType>?> SendPrimitiveCollectionAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default) =>
        DescribingFormatErrorsAsync(requestInfo, () => inner.SendPrimitiveCollectionAsync<ModelType>(requestInfo, errorMapping, cancellationToken));

    public Task SendNoContentAsync(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default) =>
        inner.SendNoContentAsync(requestInfo, errorMapping, cancellationToken);

    private static async Task<T> DescribingFormatErrorsAsync<T>(RequestInformation requestInfo, Func<Task<T>> send)
    {
        var context = Attach(requestInfo);
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (HoneyHiveResponseFormatException ex) when (Describe(ex, context) is { } described)
        {
            throw described;
        }
    }

    private static ResponseContextOption Attach(RequestInformation requestInfo)
    {
        ArgumentNullException.ThrowIfNull(requestInfo);
        var context = new ResponseContextOption();
        requestInfo.AddRequestOptions([context]);
        return context;
    }

    // Only exceptions raised by the parser lack a status; the pipeline's own already carry one.
    private static HoneyHiveResponseFormatException? Describe(HoneyHiveResponseFormatException exception, ResponseContextOption context) =>
        exception.ResponseStatusCode == 0 && context.Details is { } details
            ? ErrorFactory.CreateFormat($"its body could not be read as JSON ({exception.Message})", details, exception)
            : null;
}
