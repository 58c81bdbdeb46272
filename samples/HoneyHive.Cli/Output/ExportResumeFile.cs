using System.Globalization;
using System.Text.Json;
using HoneyHive.Kiota.Pagination;

namespace HoneyHive.Cli.Output;

/// <summary>
/// <c>hh events export --resume FILE</c>'s file: the read's position after the last page written whole, the
/// output file's length then and the events in it. Written after every page (to a temporary file, then
/// renamed over it, so a kill leaves the old or the new one), removed when the export completes.
/// </summary>
internal sealed record ExportResumeFile(EventReadPosition Position, long OutputBytes, long Events)
{
    /// <summary>The saved state, or null when there is no file (the export starts from the beginning).</summary>
    /// <exception cref="InvalidDataException">The file is not one hh wrote.</exception>
    public static ExportResumeFile? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            return new ExportResumeFile(
                EventReadPosition.Parse(root.GetProperty("position").GetRawText()),
                root.GetProperty("outputBytes").GetInt64(),
                root.GetProperty("events").GetInt64());
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path} is not an export's resume file (delete it to export from the beginning)", e);
        }
    }

    public void Save(string path)
    {
        // The position's own JSON and two numbers: composed as text, no JSON writer linked in for it.
        var json = string.Create(CultureInfo.InvariantCulture, $"{{\"position\":{Position.ToJson()},\"outputBytes\":{OutputBytes},\"events\":{Events}}}");
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, json);
        File.Move(temporary, path, overwrite: true);
    }
}
