using HoneyHive.Kiota.Batching;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Kiota.Ingestion;

/// <summary>
/// Appends failed events to a JSON Lines file, one event per line in the batch request's shape (the
/// format <c>hh events send</c> reads), written by the client's own writer. Opened on the first failure,
/// so a sink that never fails leaves no file.
/// </summary>
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

    /// <summary>Appends the events and flushes them to disk; returns how many were written.</summary>
    /// <exception cref="IOException">The file cannot be opened or written.</exception>
    public int Append(IReadOnlyList<BatchEventOutcome> failed)
    {
        lock (_gate)
        {
            // FileShare.Read: the file can be inspected (or copied away) while the app runs.
            _stream ??= new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
            foreach (var outcome in failed)
            {
                using var writer = new HoneyHiveJsonSerializationWriter();
                writer.WriteObjectValue(null, outcome.Event);
                using var json = writer.GetSerializedContent();
                json.CopyTo(_stream);
                _stream.WriteByte((byte)'\n');
            }

            _stream.Flush(flushToDisk: true);
            return failed.Count;
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
}
