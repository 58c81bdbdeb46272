using System.Net;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Models;
using Xunit;
using static HoneyHive.Kiota.Tests.Client.TestClients;

namespace HoneyHive.Kiota.Tests.Client;

public sealed class TimeoutTests
{
    private static HoneyHiveClient CreateWithRealClock(HttpMessageHandler handler, TimeSpan requestTimeout, TimeSpan exportTimeout, int maxRetries = 0) =>
        new(ApiKey, new HoneyHiveClientOptions
        {
            Handler = handler,
            RequestTimeout = requestTimeout,
            ExportTimeout = exportTimeout,
            Retry = new RetryOptions { MaxRetries = maxRetries, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
        });

    [Fact]
    public async Task AttemptTimeoutIsAHoneyHiveTimeoutException()
    {
        var handler = DelegateHandler.Hanging();
        using var client = CreateWithRealClock(handler, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));

        var ex = await Assert.ThrowsAsync<HoneyHiveTimeoutException>(() => GetEventsAsync(client));

        // One family for every failure of a call: Kiota's ApiException, the timeout as the cause.
        Assert.IsAssignableFrom<Microsoft.Kiota.Abstractions.ApiException>(ex);
        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.Equal(0, ex.ResponseStatusCode);
        Assert.Equal(TimeSpan.FromMilliseconds(100), ex.Timeout);
        Assert.Equal(1, handler.Calls);
        Assert.Contains("/events", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimedOutAttemptsAreRetriedWithAFreshBudget()
    {
        var handler = DelegateHandler.Hanging();
        using var client = CreateWithRealClock(handler, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(5), maxRetries: 2);

        await Assert.ThrowsAsync<HoneyHiveTimeoutException>(() => GetEventsAsync(client));

        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task ExportUsesTheLongerExportTimeout()
    {
        var handler = new DelegateHandler(async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), token);
            return Json(EmptyEventList);
        });
        using var client = CreateWithRealClock(handler, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(30));

        var result = await client.Api.Events.Export.PostAsync(new ExportEventsRequest { Project = "p", Filters = [] });

        Assert.NotNull(result);
    }

    [Fact]
    public async Task CallerCancellationIsAnOperationCanceledExceptionAndNotRetried()
    {
        var handler = DelegateHandler.Hanging();
        using var client = CreateWithRealClock(handler, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), maxRetries: 3);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GetEventsAsync(client, cts.Token));

        Assert.IsNotType<HoneyHiveTimeoutException>(ex.InnerException);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task CancellationDuringARetryWaitStopsRetrying()
    {
        var handler = new DelegateHandler((_, _) => Task.FromResult(Json("{}", HttpStatusCode.ServiceUnavailable)));
        using var client = new HoneyHiveClient(ApiKey, new HoneyHiveClientOptions
        {
            Handler = handler,
            Retry = new RetryOptions { BaseDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromSeconds(30) },
        });
        using var cts = new CancellationTokenSource();
        var call = GetEventsAsync(client, cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(handler.Calls <= 2);
    }
}
