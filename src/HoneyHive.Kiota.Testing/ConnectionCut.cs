namespace HoneyHive.Kiota.Testing;

/// <summary>How a socket host ends a connection it cuts.</summary>
public enum ConnectionCut
{
    /// <summary>An orderly close (TCP FIN): the peer reads the end of the stream.</summary>
    Close,

    /// <summary>An abortive close (TCP RST, linger 0): the peer's next read fails with "connection reset".</summary>
    Reset,
}
