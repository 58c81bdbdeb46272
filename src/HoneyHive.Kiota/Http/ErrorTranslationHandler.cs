using System.Net;
using HoneyHive.Kiota.Errors;

namespace HoneyHive.Kiota.Http;

/// <summary>
/// Outermost link of the pipeline: turns failed responses into typed <see cref="HoneyHiveApiException"/>s
/// and rejects successful responses whose body cannot be the JSON the operation expects. Being a
/// handler, it covers the generated request builders as well as any helper built on them.
/// </summary>
/// <remarks>
/// The batch endpoint's partial success (HTTP 500 with <c>event_ids</c>) passes through untouched:
/// Kiota maps it to the generated <c>BatchPartialFailure</c>, which carries both lists.
/// </remarks>
internal sealed class ErrorTranslationHandler(SecretRedactor redactor, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            // After the retries: one exception family for every failure of a call (the message names the
            // host, never the headers). A status on the exception means the answer began, then broke off.
            var what = ex.StatusCode is null ? "got no answer" : "got an incomplete answer";
            throw new HoneyHiveConnectionException($"{request.Method} {request.RequestUri?.AbsolutePath} {what}: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            // The handlers below report broken connections as HttpRequestException; this keeps a stray one typed.
            var error = new HttpRequestException(HttpRequestError.ConnectionError, ex.Message, ex);
            throw new HoneyHiveConnectionException($"{request.Method} {request.RequestUri?.AbsolutePath} got no answer: {ex.Message}", error);
        }

        response.RequestMessage ??= request;
        try
        {
            if (response.IsSuccessStatusCode)
            {
                await CheckSuccessBodyAsync(request, response, cancellationToken).ConfigureAwait(false);
                return response;
            }

            if (await BatchBodies.IsPartialSuccessAsync(response, cancellationToken).ConfigureAwait(false))
            {
                return response;
            }

            var details = await ResponseDetailsReader.ReadAsync(response, redactor, cancellationToken).ConfigureAwait(false);
            throw ErrorFactory.Create(details, RetryAfterHeader.Read(response, timeProvider));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    // Kiota returns null for an empty body and throws InvalidOperationException for an unknown content
    // type; both mean the server (or a proxy in front of it) did not answer as the API promises.
    private async Task CheckSuccessBodyAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NoContent || !MediaTypes.ExpectsJson(request))
        {
            return;
        }

        var problem = response.Content.Headers.ContentLength is 0
            ? "the body is empty where JSON was expected"
            : MediaTypes.NotJsonReason(response);
        if (problem is not null)
        {
            var details = await ResponseDetailsReader.ReadAsync(response, redactor, cancellationToken).ConfigureAwait(false);
            throw ErrorFactory.CreateFormat(problem, details);
        }
    }
}
