using HoneyHive.Kiota;
using HoneyHive.Kiota.DependencyInjection;
using HoneyHive.Kiota.Ingestion;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="EventSink"/> with dependency injection.</summary>
public static class HoneyHiveEventSinkServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="EventSink"/> over the registered <see cref="HoneyHiveClient"/> (call
    /// <c>AddHoneyHiveClient</c> too), flushed when the host starts stopping and disposed (the rest sent) once
    /// every hosted service has stopped.
    /// </summary>
    /// <remarks>Without a host, dispose the sink before the container: a container disposing it itself has already
    /// shut <c>IHttpClientFactory</c> down, and what the sink still holds is then reported failed (and
    /// dead-lettered), not sent.</remarks>
    /// <param name="services">The services.</param>
    /// <param name="configure">The sink's settings; defaults when null.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddHoneyHiveEventSink(this IServiceCollection services, Action<EventSinkOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<EventSinkOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(static provider => new EventSink(
            provider.GetRequiredService<HoneyHiveClient>(),
            provider.GetRequiredService<IOptions<EventSinkOptions>>().Value));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EventSinkShutdown>());
        return services;
    }
}
