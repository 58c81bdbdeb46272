using HoneyHive.Kiota.Batching;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Kiota.Ingestion;

/// <summary>
/// Appends failed events to a JSON Lines file, one event per line in the batch request's shape (the
/// format <c>hh events send</c> reads), written by the client's own writer. Opened on the first failure,
/// so a sink that never fails leaves no file.
/// </summary>
/// <remarks>
/// Every failed event keeps its line, including one that failed because it cannot be written as JSON: its NaN and
/// infinite numbers are written as the strings <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>, so the line is
/// valid JSON and holds what was enqueued. Each event is written in full before its line is appended, so a line is
/// never half an event.
/// </remarks>
internal sealed class DeadLetterFile : IDisposable
{
    private readonly Lock _gate = new();
    private readonly string _path;
    private FileStream? _stream;

    /// <summary>Checks the path now, so a malformed one is an error when the sink is created, not when it first fails.</summary>
    /// <exception cref="ArgumentException">The path is malformed (e.g. holds a NUL character).</exception>
    public DeadLetterFile(string path)
    {
        try
        {
            _path = Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"EventSinkOptions.DeadLetterPath is not a usable file path: {exception.Message}", nameof(path), exception);
        }
    }

    /// <summary>Appends the events, in order, and flushes them to disk; returns how many lines were written (an event
    /// even the lenient writer refuses, such as one nested deeper than JSON writers allow, gets none).</summary>
    /// <exception cref="IOException">The file cannot be opened or written.</exception>
    public int Append(IReadOnlyList<BatchEventOutcome> failed)
    {
        lock (_gate)
        {
            // FileShare.Read: the file can be inspected (or copied away) while the app runs.
            _stream ??= new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
            var written = 0;
            foreach (var outcome in failed)
            {
                if (Line(outcome) is { } line)
                {
                    _stream.Write(line);
                    _stream.WriteByte((byte)'\n');
                    written++;
                }
            }

            _stream.Flush(flushToDisk: true);
            return written;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stream?.Dispose();
            _stream = null;
        }
    }

    private static byte[]? Line(BatchEventOutcome outcome)
    {
        try
        {
            using var writer = new HoneyHiveJsonSerializationWriter(nonFiniteAsNames: true);
            writer.WriteObjectValue(null, outcome.Event);
            using var json = writer.GetSerializedContent();
            var line = new byte[json.Length];
            json.ReadExactly(line);
            return line;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }
}
