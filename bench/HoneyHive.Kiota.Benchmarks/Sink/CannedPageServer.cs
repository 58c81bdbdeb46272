using System.Net;
using System.Text;
using System.Text.Json;
using HoneyHive.Kiota.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HoneyHive.Kiota.Benchmarks.Sink;

/// <summary>
/// <c>POST /events/export</c> on Kestrel (127.0.0.1, a free port) answering each page, after a fixed delay, with
/// the bytes the in-memory fake gave for that page when the server was built: the same pages as
/// <see cref="InMemoryHoneyHive"/> over <c>LoopbackHoneyHive</c>, without the fake's per-request work (it scans,
/// deep-clones and serializes its stored <c>JsonObject</c>s on every request), which on a 2-core machine competes
/// with the client for the CPU and caps what fetching pages in parallel can gain. A real server's work happens on
/// another machine.
/// </summary>
internal sealed class CannedPageServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CannedPageServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Renders <paramref name="pages"/> pages of <paramref name="pageSize"/> from <paramref name="fake"/>, then serves them.</summary>
    public static async Task<CannedPageServer> StartAsync(InMemoryHoneyHive fake, string project, int pageSize, int pages, TimeSpan delay)
    {
        var bodies = new byte[pages + 2][];
        using (var invoker = new HttpMessageInvoker(fake, disposeHandler: false))
        {
            for (var page = 1; page <= pages + 1; page++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/events/export")
                {
                    Content = new StringContent($$"""{"project":"{{project}}","filters":[],"limit":{{pageSize}},"page":{{page}}}""", Encoding.UTF8, "application/json"),
                };
                using var response = await invoker.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"the fake answered page {page} with {(int)response.StatusCode}");
                }

                bodies[page] = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async context =>
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            var page = document.RootElement.GetProperty("page").GetInt32();
            await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
            var body = page >= 1 && page < bodies.Length ? bodies[page] : bodies[^1];
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new CannedPageServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
