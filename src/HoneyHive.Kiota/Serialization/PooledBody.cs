using System.Buffers;
using System.Text.Json;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// A response body parsed in pooled memory: the bytes (an <see cref="ArrayPool{T}"/> rental) and the
/// document's token table (rented by <see cref="JsonDocument"/>), released together once.
/// </summary>
/// <remarks>
/// Keeping a page alive behind its models (what the models' zero-copy free-form values used to need)
/// left tens of MiB of large-object garbage per page of an export, freed only by gen-2 collections:
/// a million-event export peaked at almost three times the memory of one page. Models now copy what
/// they keep while the body is read (<see cref="JsonElementReader.Keep"/>), and the page's memory goes
/// straight back to the pool for the next page.
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
