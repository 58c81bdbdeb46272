using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Kiota.Http;

/// <summary>
/// Turns the <see cref="IOException"/>s a connection throws once the answer has begun (a close or a reset in the
/// middle of the body) into the <see cref="HttpRequestException"/> the rest of the pipeline knows as a network error:
/// retried where the request is safe to repeat, then reported as a <c>HoneyHiveConnectionException</c>.
/// </summary>
internal static class IncompleteAnswers
{
    /// <summary>The body of <paramref name="response"/> stopped part-way: says the status and how many bytes came.</summary>
    public static HttpRequestException BodyCut(HttpResponseMessage response, ResponseBodyCutException cut)
    {
        var status = (int)response.StatusCode;
        var reason = response.ReasonPhrase is { Length: > 0 } phrase ? " " + phrase : string.Empty;
        var bytes = cut.Expected is { } expected
            ? string.Create(CultureInfo.InvariantCulture, $"{cut.Received:N0} of {expected:N0} body bytes")
            : string.Create(CultureInfo.InvariantCulture, $"{cut.Received:N0} body bytes");
        var message = $"the connection was {Ending(cut.InnerException)} after the status ({status}{reason}) and {bytes}";
        return new HttpRequestException(ErrorOf(cut.InnerException), message, cut.InnerException, response.StatusCode);
    }

    /// <summary>The connection failed while an answer was being read below the body buffering (a redirect's body,
    /// which Kiota's redirect handler reads itself).</summary>
    public static HttpRequestException Broken(IOException cause) =>
        new(ErrorOf(cause), $"the connection was {Ending(cause)} while the answer was read ({cause.Message})", cause);

    private static HttpRequestError ErrorOf(Exception? cause) =>
        cause is HttpIOException io ? io.HttpRequestError : HttpRequestError.ConnectionError;

    // A reset shows as an IOException over a SocketException; an early end of the stream as ResponseEnded.
    private static string Ending(Exception? cause) => cause switch
    {
        { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionReset } } => "reset",
        HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } => "closed",
        _ => "broken",
    };
}
