using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace HoneyHive.Kiota.Testing.Hosting;

/// <summary>
/// Writes the fake's answer on the socket byte by byte as a <see cref="TransportFault"/> says: whole, cut after some
/// body bytes (FIN or RST), dribbled, stalled, or under a wrong <c>Content-Length</c>.
/// </summary>
internal static class RawResponseWriter
{
    // Headers the writer sets itself from what it actually sends.
    private static readonly string[] Framing = ["Content-Length", "Transfer-Encoding", "Connection"];

    /// <summary>Writes the answer; returns whether the connection can take another request.</summary>
    public static async Task<bool> WriteAsync(Socket socket, Stream stream, HttpResponseMessage response, TransportFault? fault, bool keepAlive, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var declared = fault?.DeclaredLength(body.Length) ?? body.Length;

        // A dribbled or mislabelled answer ends its connection: a client must not read the next answer from the
        // bytes a wrong length left behind. Cuts and stalls end it without warning, as real failures do.
        var announceClose = !keepAlive || fault?.Kind is TransportFaultKind.Dribble or TransportFaultKind.WrongContentLength;
        var head = Head(response, declared, announceClose);
        switch (fault?.Kind)
        {
            case null:
                await stream.WriteAsync(Concat(head, body), cancellationToken).ConfigureAwait(false);
                return keepAlive;

            case TransportFaultKind.CutBody:
                await stream.WriteAsync(Concat(head, body.AsSpan(0, fault.BytesBeforeCut(body.Length))), cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                SocketCuts.Cut(socket, fault.Cut);
                return false;

            case TransportFaultKind.Dribble:
                await stream.WriteAsync(head, cancellationToken).ConfigureAwait(false);
                var piece = fault.PieceLength(body.Length);
                for (var sent = 0; sent < body.Length; sent += piece)
                {
                    await Task.Delay(fault.Interval, cancellationToken).ConfigureAwait(false);
                    await stream.WriteAsync(body.AsMemory(sent, Math.Min(piece, body.Length - sent)), cancellationToken).ConfigureAwait(false);
                }

                SocketCuts.Cut(socket, ConnectionCut.Close);
                return false;

            case TransportFaultKind.Stall:
                await stream.WriteAsync(Concat(head, body.AsSpan(0, fault.BytesBeforeCut(body.Length))), cancellationToken).ConfigureAwait(false);
                await WaitForPeerToLeaveAsync(socket, cancellationToken).ConfigureAwait(false);
                SocketCuts.Cut(socket, ConnectionCut.Close);
                return false;

            default:
                // A wrong Content-Length: the whole body, then an orderly close; the client finds too few or too many bytes.
                await stream.WriteAsync(Concat(head, body), cancellationToken).ConfigureAwait(false);
                SocketCuts.Cut(socket, ConnectionCut.Close);
                return false;
        }
    }

    private static byte[] Head(HttpResponseMessage response, long contentLength, bool close)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n");
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!Framing.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                foreach (var value in values)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
                }
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"Content-Length: {contentLength}\r\n");
        if (close)
        {
            text.Append("Connection: close\r\n");
        }

        text.Append("\r\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    private static byte[] Concat(byte[] head, ReadOnlySpan<byte> body)
    {
        var bytes = new byte[head.Length + body.Length];
        head.CopyTo(bytes, 0);
        body.CopyTo(bytes.AsSpan(head.Length));
        return bytes;
    }

    // A stalled answer holds the connection until the client closes or resets it (its timeout), or the host stops.
    private static async Task WaitForPeerToLeaveAsync(Socket socket, CancellationToken cancellationToken)
    {
        var scratch = new byte[256];
        try
        {
            while (await socket.ReceiveAsync(scratch, SocketFlags.None, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client reset the connection, or the host is stopping: either way the stall is over.
        }
    }
}
