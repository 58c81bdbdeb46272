using System.Diagnostics;
using HoneyHive.Kiota.Telemetry;

namespace HoneyHive.Kiota.Http;

/// <summary>
/// The outermost handler: one span and one duration per API call, however many attempts the retry handler
/// below makes (each attempt is .NET's own <c>System.Net.Http</c> span, a child of this one).
/// </summary>
internal sealed class CallTelemetryHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var endpoint = Endpoints.Name(request);
        var host = request.RequestUri?.Host;
        using var activity = HoneyHiveTelemetry.Source.StartActivity("HoneyHive " + endpoint, ActivityKind.Client);
        activity?.SetTag(TelemetryTags.Endpoint, endpoint);
        activity?.SetTag(TelemetryTags.Method, request.Method.Method);
        activity?.SetTag(TelemetryTags.ServerAddress, host);
        var attempts = new AttemptCounter();
        request.Options.Set(AttemptCounter.Key, attempts);
        var started = Stopwatch.GetTimestamp();
        string? error = null;
        int? status = null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            return response;
        }
        catch (Exception ex)
        {
            error = ex is OperationCanceledException && cancellationToken.IsCancellationRequested ? "canceled" : ex.GetType().Name;
            if (ex is Microsoft.Kiota.Abstractions.ApiException { ResponseStatusCode: > 0 } api)
            {
                status = api.ResponseStatusCode;
            }

            throw;
        }
        finally
        {
            var tags = new TagList
            {
                { TelemetryTags.Endpoint, endpoint },
                { TelemetryTags.ServerAddress, host },
            };
            if (status is { } code)
            {
                tags.Add(TelemetryTags.StatusCode, code);
            }

            if (error is not null)
            {
                tags.Add(TelemetryTags.ErrorType, error);
            }

            HoneyHiveTelemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            if (activity is not null)
            {
                activity.SetTag(TelemetryTags.Attempts, Math.Max(1, attempts.Count));
                if (status is { } statusCode)
                {
                    activity.SetTag(TelemetryTags.StatusCode, statusCode);
                }

                if (error is not null)
                {
                    activity.SetTag(TelemetryTags.ErrorType, error);
                    activity.SetStatus(ActivityStatusCode.Error);
                }
            }
        }
    }
}
