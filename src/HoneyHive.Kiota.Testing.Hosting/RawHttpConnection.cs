using System.Net.Sockets;

namespace HoneyHive.Kiota.Testing.Hosting;

/// <summary>
/// One client connection of <see cref="FaultyLoopbackHoneyHive"/>: reads requests one after another, hands each to
/// the fake with a <see cref="TransportChannel"/>, and writes the answer as the fault (if any) says.
/// </summary>
internal sealed class RawHttpConnection(Socket socket, InMemoryHoneyHive fake, HttpMessageInvoker invoker, Uri baseAddress)
{
    public async Task ServeAsync(CancellationToken stopping)
    {
        var stream = new NetworkStream(socket, ownsSocket: false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                var reader = new RawRequestReader(stream);
                while (await reader.ReadHeadAsync(stopping).ConfigureAwait(false) is { } head)
                {
                    if (!await ServeOneAsync(reader, stream, head, stopping).ConfigureAwait(false))
                    {
                        break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away, the host is stopping, or a fault cut the connection: nothing more to serve.
            }
            finally
            {
                socket.Dispose();
            }
        }
    }

    private async Task<bool> ServeOneAsync(RawRequestReader reader, NetworkStream stream, RawRequestHead head, CancellationToken stopping)
    {
        // A request cut is decided before the body is read: only part of it ever arrives.
        if (fake.Faults.TakeRequestCut(Routing.NormalizePath(head.Path)) is { } cut)
        {
            var partial = await reader.ReadBodyAsync(head, cut.AfterBodyBytes ?? 0, stopping).ConfigureAwait(false);
            using var seen = head.ToRequestMessage(baseAddress, partial);
            fake.RecordCutRequest(seen, partial);
            SocketCuts.Cut(socket, cut.Cut);
            return false;
        }

        var body = await reader.ReadBodyAsync(head, limit: null, stopping).ConfigureAwait(false);
        using var request = head.ToRequestMessage(baseAddress, body);
        var channel = new TransportChannel();
        request.Options.Set(TransportChannel.Key, channel);
        HttpResponseMessage response;
        try
        {
            response = await invoker.SendAsync(request, stopping).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            // The fake's refused or reset connection (FailConnection, ResetConnectionAfterProcessing): no answer at all.
            SocketCuts.Cut(socket, ConnectionCut.Reset);
            return false;
        }

        using (response)
        {
            return await RawResponseWriter.WriteAsync(socket, stream, response, channel.Fault, head.KeepAlive, stopping).ConfigureAwait(false);
        }
    }
}
