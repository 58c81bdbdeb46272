using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace HoneyHive.SinkSample.Tests;

/// <summary>
/// Middleware in front of the app's pipeline that holds every request for <see cref="Path"/> until
/// <see cref="Release"/>: a request that is still being served while the app stops.
/// </summary>
internal sealed class HeldRequests(string path) : IStartupFilter
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Path { get; } = path;

    /// <summary>Completes when a held request has arrived.</summary>
    public Task Entered => _entered.Task;

    public void Release() => _released.TrySetResult();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (HttpContext context, RequestDelegate rest) =>
        {
            if (context.Request.Path == Path)
            {
                _entered.TrySetResult();
                await _released.Task;
            }

            await rest(context);
        });
        next(app);
    };
}
