namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// Counts <see cref="BodyBufferPool"/> rentals of one async flow: how many were made and the most held at once. Tests
/// use it to hold paged reads to one buffer per page and at most N + 1 pages alive.
/// </summary>
internal sealed class BufferRentalLedger
{
    private readonly Lock _gate = new();
    private readonly HashSet<byte[]> _held = new(ReferenceEqualityComparer.Instance);

    /// <summary>Rentals made.</summary>
    public int Rentals { get; private set; }

    /// <summary>The most rentals held at one moment.</summary>
    public int Peak { get; private set; }

    /// <summary>Rentals not yet returned.</summary>
    public int Held
    {
        get
        {
            lock (_gate)
            {
                return _held.Count;
            }
        }
    }

    public void Rented(byte[] buffer)
    {
        lock (_gate)
        {
            Rentals++;
            _held.Add(buffer);
            Peak = Math.Max(Peak, _held.Count);
        }
    }

    public void Returned(byte[] buffer)
    {
        lock (_gate)
        {
            _held.Remove(buffer);
        }
    }
}
