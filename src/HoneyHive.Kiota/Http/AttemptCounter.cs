namespace HoneyHive.Kiota.Http;

/// <summary>How many attempts the retry handler made for one call (the telemetry handler reports it).</summary>
internal sealed class AttemptCounter
{
    public static readonly HttpRequestOptionsKey<AttemptCounter> Key = new("HoneyHive.Kiota.AttemptCounter");

    public int Count { get; private set; }

    public void Add() => Count++;
}
