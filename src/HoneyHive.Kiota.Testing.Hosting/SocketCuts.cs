using System.Net.Sockets;

namespace HoneyHive.Kiota.Testing.Hosting;

/// <summary>Ends a connection the way a fault asks: an orderly close (FIN) or a reset (RST).</summary>
internal static class SocketCuts
{
    public static void Cut(Socket socket, ConnectionCut cut)
    {
        try
        {
            if (cut == ConnectionCut.Reset)
            {
                // Linger on with a zero timeout: Close discards what is unsent and sends RST instead of FIN.
                socket.LingerState = new LingerOption(true, 0);
            }
            else
            {
                socket.Shutdown(SocketShutdown.Send);
            }
        }
        catch (SocketException)
        {
            // The peer is gone already: closing is all that is left.
        }
        finally
        {
            socket.Close();
        }
    }
}
