namespace HoneyHive.Kiota.Testing;

/// <summary>How a socket host misdelivers an answer.</summary>
internal enum TransportFaultKind
{
    /// <summary>Status, headers (with the true Content-Length) and part of the body, then the connection is cut.</summary>
    CutBody,

    /// <summary>The whole answer, a few bytes at a time with pauses between.</summary>
    Dribble,

    /// <summary>Status, headers and part of the body, then nothing until the client gives up.</summary>
    Stall,

    /// <summary>A Content-Length that is not the body's, then the connection is closed.</summary>
    WrongContentLength,

    /// <summary>Part of the request body is read, then the connection is cut (the request is never processed).</summary>
    CutRequest,
}
