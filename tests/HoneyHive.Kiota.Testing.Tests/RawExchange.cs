using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HoneyHive.Kiota.Testing.Tests;

/// <summary>How a raw exchange ended: the server closed (FIN, a read of 0) or reset (RST) the connection.</summary>
internal enum ConnectionEnd { Closed, Reset }

/// <summary>What came back on the socket, byte for byte, and how the connection ended.</summary>
internal sealed record RawResult(byte[] Bytes, ConnectionEnd End)
{
    private int HeadLength => Bytes.AsSpan().IndexOf("\r\n\r\n"u8) is var at and >= 0 ? at + 4 : throw new InvalidOperationException("no complete head was received");

    public string Head => Encoding.Latin1.GetString(Bytes, 0, HeadLength);

    public int Status => int.Parse(Head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

    public byte[] Body => Bytes[HeadLength..];

    public string? Header(string name) =>
        Head.Split("\r\n").Skip(1).Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim()).FirstOrDefault();

    public long ContentLength => long.Parse(Header("Content-Length")!, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One request on a fresh TCP connection, written and read as bytes: what a fault does to the wire shows here
/// exactly, with no HTTP client smoothing it over.</summary>
internal static class RawExchange
{
    public static async Task<Socket> ConnectAsync(Uri baseAddress)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, baseAddress.Port);
        return socket;
    }

    public static byte[] Request(string method, string pathAndQuery, string? jsonBody = null, bool close = true, string? authorization = null)
    {
        var body = jsonBody is null ? [] : Encoding.UTF8.GetBytes(jsonBody);
        var head = new StringBuilder()
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"{method} {pathAndQuery} HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            .Append(authorization is null ? string.Empty : $"Authorization: {authorization}\r\n")
            .Append(jsonBody is null ? string.Empty : $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n")
            .Append(close ? "Connection: close\r\n" : string.Empty)
            .Append("\r\n");
        return [.. Encoding.Latin1.GetBytes(head.ToString()), .. body];
    }

    /// <summary>Sends <paramref name="request"/> and reads until the server ends the connection.</summary>
    public static async Task<RawResult> SendAsync(Uri baseAddress, byte[] request)
    {
        using var socket = await ConnectAsync(baseAddress);
        await socket.SendAsync(request, SocketFlags.None);
        return await ReadToEndAsync(socket);
    }

    public static async Task<RawResult> ReadToEndAsync(Socket socket)
    {
        var received = new MemoryStream();
        var buffer = new byte[8192];
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            int read;
            try
            {
                read = await socket.ReceiveAsync(buffer, SocketFlags.None, patience.Token);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
            {
                return new RawResult(received.ToArray(), ConnectionEnd.Reset);
            }

            if (read == 0)
            {
                return new RawResult(received.ToArray(), ConnectionEnd.Closed);
            }

            received.Write(buffer, 0, read);
        }
    }

    /// <summary>Reads until at least <paramref name="count"/> bytes have arrived (or the connection ends).</summary>
    public static async Task<byte[]> ReadAtLeastAsync(Socket socket, int count)
    {
        var received = new MemoryStream();
        var buffer = new byte[8192];
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (received.Length < count)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, patience.Token);
            if (read == 0)
            {
                break;
            }

            received.Write(buffer, 0, read);
        }

        return received.ToArray();
    }
}
