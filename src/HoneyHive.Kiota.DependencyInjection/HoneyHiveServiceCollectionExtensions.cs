using HoneyHive.Kiota;
using HoneyHive.Kiota.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="HoneyHiveClient"/> with dependency injection.</summary>
public static class HoneyHiveServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client sends through (<c>IHttpClientFactory</c>).</summary>
    public const string HttpClientName = "HoneyHive.Kiota";

    /// <summary>
    /// Registers a singleton <see cref="HoneyHiveClient"/> configured from a configuration section (see
    /// <see cref="HoneyHiveClientSettings"/>), sending through the <see cref="HttpClient"/> named
    /// <see cref="HttpClientName"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section, e.g. <c>builder.Configuration.GetSection("HoneyHive")</c>.</param>
    /// <param name="configure">Settings applied after the section's.</param>
    /// <returns>The <see cref="HttpClient"/>'s builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddHoneyHiveClient(this IServiceCollection services, IConfiguration configuration, Action<HoneyHiveClientSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HoneyHiveClientSettings>().Bind(configuration);
        return Register(services, configure);
    }

    /// <summary>
    /// Registers a singleton <see cref="HoneyHiveClient"/> configured in code (the key from
    /// <see cref="HoneyHiveClientSettings.ApiKey"/> or <c>HH_API_KEY</c>), sending through the
    /// <see cref="HttpClient"/> named <see cref="HttpClientName"/>.
    /// </summary>
    /// <remarks>
    /// <para>Every request takes the handler the factory has for that name at that moment, so the factory's
    /// handler rotation (DNS changes) happens however long the client lives.</para>
    /// <para>Retries: the client retries transient failures itself, with the API's rules (a batch only when
    /// every event has an <c>event_id</c>, a partial success never). A retrying resilience handler on the same
    /// <see cref="HttpClient"/> (<c>AddStandardResilienceHandler()</c>, Polly) would retry underneath it: the
    /// first request then fails with an <see cref="InvalidOperationException"/> saying so. Set
    /// <c>Retry.MaxRetries = 0</c> to hand retries to the resilience handler instead (and keep batches safe
    /// there, e.g. with <c>DisableForUnsafeHttpMethods()</c>).</para>
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <param name="configure">The settings.</param>
    /// <returns>The <see cref="HttpClient"/>'s builder, to add handlers or configure the primary handler.</returns>
    public static IHttpClientBuilder AddHoneyHiveClient(this IServiceCollection services, Action<HoneyHiveClientSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, configure);
    }

    private static IHttpClientBuilder Register(IServiceCollection services, Action<HoneyHiveClientSettings>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = services.AddOptions<HoneyHiveClientSettings>();
        if (configure is not null)
        {
            settings.Configure(configure);
        }

        services.TryAddSingleton(Create);
        return services.AddHttpClient(HttpClientName);
    }

    private static HoneyHiveClient Create(IServiceProvider services)
    {
        var settings = services.GetRequiredService<IOptions<HoneyHiveClientSettings>>().Value;
        var key = string.IsNullOrWhiteSpace(settings.ApiKey) ? Environment.GetEnvironmentVariable(HoneyHiveClient.ApiKeyEnvironmentVariable) : settings.ApiKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException(
                $"No HoneyHive API key: set ApiKey in the HoneyHive configuration section (from a secret store) or the {HoneyHiveClient.ApiKeyEnvironmentVariable} environment variable.");
        }

        var handler = new FactoryHandler(services.GetRequiredService<IHttpMessageHandlerFactory>(), HttpClientName, clientRetries: settings.Retry?.MaxRetries > 0);
        return new HoneyHiveClient(key, settings.ToClientOptions(handler));
    }
}
