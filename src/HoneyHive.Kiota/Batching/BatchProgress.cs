namespace HoneyHive.Kiota.Batching;

/// <summary>How far a batch send has come, reported after each chunk (see <see cref="BatchOptions.Progress"/>).</summary>
/// <param name="Done">Events whose chunk has been answered.</param>
/// <param name="Created">Of those, created.</param>
/// <param name="Failed">Of those, not created.</param>
/// <param name="Total">Events in the whole send.</param>
public readonly record struct BatchProgress(int Done, int Created, int Failed, int Total);
