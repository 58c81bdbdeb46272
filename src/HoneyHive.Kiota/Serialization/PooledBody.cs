using System.Buffers;
using System.Text.Json;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// A response body parsed in pooled memory: the bytes (an <see cref="ArrayPool{T}"/> rental) and the
/// document's token table (rented by <see cref="JsonDocument"/>), released together once.
/// </summary>
/// <remarks>
/// Models copy what they keep while the body is read (<see cref="JsonElementReader.Keep"/>), so the page's
/// memory can go straight back to the pool for the next page rather than live behind its models as
/// large-object garbage (the measurements are in docs/PERFORMANCE.md).
/// </remarks>
internal sealed class PooledBody(JsonDocument document, byte[] buffer)
{
    private int _released;

    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            document.Dispose();
            BodyBufferPool.Return(buffer);
        }
    }
}
