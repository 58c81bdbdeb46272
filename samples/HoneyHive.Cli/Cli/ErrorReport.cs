using System.Globalization;
using System.Text.Json;
using HoneyHive.Kiota.Batching;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Filters;
using HoneyHive.Kiota.Pagination;
using Microsoft.Kiota.Abstractions;

namespace HoneyHive.Cli.Cli;

/// <summary>One line and a distinct exit code per kind of failure. Messages come from the library's
/// typed exceptions, which never contain the API key.</summary>
internal static class ErrorReport
{
    /// <param name="error">The failure.</param>
    /// <param name="cancellationToken">The run's token: a cancellation the user asked for is exit 130.</param>
    /// <param name="keySource">Where the API key came from (<c>--api-key</c> or <c>HH_API_KEY</c>), to name it when it is refused.</param>
    public static (int Code, string Message) Describe(Exception error, CancellationToken cancellationToken, string? keySource = null)
    {
        var (code, message) = error is HoneyHiveAuthenticationException auth && keySource is not null
            ? (ExitCodes.AuthenticationFailed, KeyRefused(auth, keySource))
            : Classify(error, cancellationToken);
        return (code, OneLine(message));
    }

    /// <summary>The one line for an event that was not created: the library's reason, in the CLI's words
    /// where the library names its own settings.</summary>
    public static string EventFailure(string? error, Exception? exception, string? keySource) => exception switch
    {
        EventTooLargeException large => string.Create(CultureInfo.InvariantCulture,
            $"not sent: too large: a batch request holding only this event is {large.RequestBytes:N0} bytes of JSON, over the {large.MaxBatchBytes:N0}-byte budget (--max-batch-bytes; HoneyHive refuses requests over 5 MB)"),
        HoneyHiveAuthenticationException auth when keySource is not null => OneLine(KeyRefused(auth, keySource)),
        _ => OneLine(error ?? exception?.Message ?? "not created"),
    };

    // The library's advice names HoneyHiveClient and HH_API_KEY; the user typed one of --api-key or HH_API_KEY.
    private static string KeyRefused(HoneyHiveAuthenticationException auth, string keySource)
    {
        var requestId = auth.RequestId is { } id ? $" (request id {id})" : string.Empty;
        var body = string.IsNullOrWhiteSpace(auth.ResponseBodyExcerpt) ? string.Empty : $" Response body: {auth.ResponseBodyExcerpt}";
        return $"authentication failed: HoneyHive answered {(int)auth.StatusCode} to {auth.RequestMethod} {auth.RequestPath}{requestId}. Check the API key given with {keySource} and that it has access to the project.{body}";
    }

    /// <summary>Joins the lines of a message (an HTML error page quoted in a body excerpt, say) with
    /// spaces, so every failure stays one line on stderr.</summary>
    public static string OneLine(string message)
    {
        if (message.IndexOfAny(['\r', '\n']) < 0)
        {
            return message;
        }

        var lines = message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', lines);
    }

    private static (int Code, string Message) Classify(Exception error, CancellationToken cancellationToken) => error switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => (ExitCodes.Cancelled, "cancelled"),
        UsageException usage => (ExitCodes.BadArguments, usage.Message + " (see 'hh --help')"),
        ArgumentException argument => (ExitCodes.BadArguments, WithoutParameterName(argument)),
        EventFilterFormatException filter => (ExitCodes.BadFilter, filter.Message),
        InvalidDataException data => (ExitCodes.FileError, data.Message),
        IOException io => (ExitCodes.FileError, io.Message),
        UnauthorizedAccessException access => (ExitCodes.FileError, access.Message),
        HoneyHiveAuthenticationException auth => (ExitCodes.AuthenticationFailed, auth.Message),
        HoneyHiveTimeoutException timeout => (ExitCodes.NetworkFailure, timeout.Message),
        HoneyHiveConnectionException network => (ExitCodes.NetworkFailure, NetworkFailure(network)),
        HoneyHiveResponseFormatException format => (ExitCodes.InvalidResponse, format.Message),
        JsonException json => (ExitCodes.InvalidResponse, $"unreadable response: not valid JSON{(json.BytePositionInLine is { } at ? $" at byte {at + 1}" : string.Empty)}"),
        EventPaginationException pagination => (ExitCodes.InvalidResponse, pagination.Message),
        BatchFailedException batch => (ExitCodes.PartialFailure, batch.Message),
        ApiException api => (ExitCodes.ApiError, api.Message),
        OperationCanceledException => (ExitCodes.NetworkFailure, "the request was cancelled before it completed"),
        _ => (ExitCodes.ApiError, $"unexpected error: {error.Message}"),
    };

    // A status on the inner exception means the answer began and broke off: say so before the library's details
    // (the request, the status, the bytes that came); a refused or unreachable server is described by .NET's text.
    private static string NetworkFailure(HoneyHiveConnectionException network) =>
        network.InnerException is HttpRequestException { StatusCode: not null }
            ? $"network failure: the server's answer broke off part-way, also on every retry ({network.Message})"
            : $"network failure: {network.InnerException?.Message ?? network.Message}";

    // ArgumentException appends the parameter name ("(Parameter 'x')", or a bare resource key when
    // the app is built with UseSystemResourceKeys); the library's own text already names the setting.
    public static string WithoutParameterName(ArgumentException argument)
    {
        var message = argument.Message;
        foreach (var marker in new[] { " (Parameter '", " Arg_ParamName_Name" })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                return message[..at].TrimEnd('.', ' ') + ".";
            }
        }

        return message;
    }
}
