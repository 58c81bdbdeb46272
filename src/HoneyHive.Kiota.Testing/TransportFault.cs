namespace HoneyHive.Kiota.Testing;

/// <summary>
/// What a socket host (<c>FaultyLoopbackHoneyHive</c>) does to the bytes of one exchange. Positions are given in
/// bytes (queued rules) or as a share of the body (random faults, which are drawn before the body exists).
/// </summary>
internal sealed record TransportFault(TransportFaultKind Kind)
{
    /// <summary>Body bytes sent (or, for <see cref="TransportFaultKind.CutRequest"/>, read) before the cut or stall.</summary>
    public int? AfterBodyBytes { get; init; }

    /// <summary>The same as a share of the body, from 0 (none) to 1 (all of it), when <see cref="AfterBodyBytes"/> is null.</summary>
    public double AtFraction { get; init; }

    public ConnectionCut Cut { get; init; }

    /// <summary>Body bytes per write, for <see cref="TransportFaultKind.Dribble"/>, when <see cref="PieceFraction"/> is null.</summary>
    public int PieceBytes { get; init; } = 1;

    /// <summary>Body bytes per write as a share of the body, for <see cref="TransportFaultKind.Dribble"/>.</summary>
    public double? PieceFraction { get; init; }

    /// <summary>The pause between writes, for <see cref="TransportFaultKind.Dribble"/>.</summary>
    public TimeSpan Interval { get; init; }

    /// <summary>For <see cref="TransportFaultKind.WrongContentLength"/>: the declared length minus the true one, or,
    /// when <see cref="DeclaredFraction"/> is set, ignored.</summary>
    public int LengthDelta { get; init; }

    /// <summary>For <see cref="TransportFaultKind.WrongContentLength"/>: the declared length as a share of the true one.</summary>
    public double? DeclaredFraction { get; init; }

    /// <summary>How many of <paramref name="length"/> body bytes go out before the cut or stall.</summary>
    public int BytesBeforeCut(int length) =>
        Math.Clamp(AfterBodyBytes ?? (int)(AtFraction * length), 0, length);

    /// <summary>Body bytes per write of a dribbled body of <paramref name="length"/> bytes.</summary>
    public int PieceLength(int length) =>
        Math.Max(1, PieceFraction is { } share ? (int)Math.Ceiling(share * length) : PieceBytes);

    /// <summary>The Content-Length declared for a body of <paramref name="length"/> bytes.</summary>
    public long DeclaredLength(int length) =>
        Kind != TransportFaultKind.WrongContentLength ? length
        : DeclaredFraction is { } share ? (long)(share * length)
        : Math.Max(0, (long)length + LengthDelta);
}
