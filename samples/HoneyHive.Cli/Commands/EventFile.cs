using System.Text.Json;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Cli.Commands;

/// <summary>Reads a JSON Lines file of events to create (the batch item shape, one object per line).</summary>
internal static class EventFile
{
    public static async Task<List<CreateEventRequest>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var events = new List<CreateEventRequest>();
        if (Directory.Exists(path))
        {
            // Opening a folder fails as "access denied" on Linux, which sends the user after permissions.
            throw new IOException($"cannot read '{path}': is a directory");
        }

        StreamReader reader;
        try
        {
            reader = new StreamReader(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Our own words: the CLI is built with UseSystemResourceKeys, which strips the BCL's messages.
            throw new IOException($"cannot read '{path}': no such file", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"cannot read '{path}': permission denied", e);
        }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException)
        {
            throw new IOException($"cannot read '{path}': not a readable file path", e);
        }

        using (reader)
        {
            var lineNumber = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(line);
                }
                catch (JsonException e)
                {
                    // Our own words again: System.Text.Json's message is a resource key in this build.
                    var column = e.BytePositionInLine is { } position ? $" at byte {position + 1}" : string.Empty;
                    throw new InvalidDataException($"{path}:{lineNumber}: not valid JSON{column}", e);
                }

                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: expected a JSON object per line");
                }

                events.Add(new HoneyHiveJsonParseNode(document.RootElement).GetObjectValue(CreateEventRequest.CreateFromDiscriminatorValue));
            }
        }

        // Nothing to send is almost always the wrong file, not a request to do nothing.
        return events.Count > 0 ? events : throw new InvalidDataException($"{path} holds no events (expected one JSON object per line)");
    }
}
