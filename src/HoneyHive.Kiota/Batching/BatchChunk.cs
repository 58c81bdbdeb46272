using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Batching;

/// <summary>A run of consecutive input events sent in one request.</summary>
internal sealed record BatchChunk(int Index, int Start, List<CreateEventRequest> Events);
