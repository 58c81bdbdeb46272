using System.Buffers;

namespace HoneyHive.Kiota.Serialization;

/// <summary>The pool response bodies are read into.</summary>
/// <remarks>
/// Not <see cref="ArrayPool{T}.Shared"/>: it keeps arrays per thread and per core, and a paginated export
/// whose continuations hop between thread-pool threads left a 32 MiB page buffer parked on each of them.
/// A pool of our own keeps at most a few page-sized arrays for the whole process.
/// </remarks>
internal static class BodyBufferPool
{
    public static ArrayPool<byte> Instance { get; } = ArrayPool<byte>.Create(maxArrayLength: 1 << 30, maxArraysPerBucket: 4);
}
