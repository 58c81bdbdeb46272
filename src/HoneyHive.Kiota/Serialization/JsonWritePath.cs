using System.Globalization;
using System.Text;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// Where a writer is in the value it writes (<c>events[3].metadata.cost</c>), kept as it descends, so a value JSON
/// cannot hold is refused with the path of the field that holds it.
/// </summary>
/// <remarks>Only objects and arrays push a frame; scalars are named by their key when refused, so the cost is a
/// list push and pop per object written.</remarks>
internal sealed class JsonWritePath
{
    private readonly List<(string? Name, int Index)> _frames = [];

    /// <summary>Into an object written under <paramref name="name"/> (none for the root or an array item).</summary>
    public void Enter(string? name) => _frames.Add((name, -1));

    /// <summary>Into an array written under <paramref name="name"/>; its items are numbered with <see cref="At"/>.</summary>
    public void EnterArray(string? name) => _frames.Add((name, 0));

    /// <summary>The array entered last is at item <paramref name="index"/>.</summary>
    public void At(int index) => _frames[^1] = (_frames[^1].Name, index);

    public void Leave() => _frames.RemoveAt(_frames.Count - 1);

    /// <summary>The path to <paramref name="leaf"/> (a key under the current frame, or null for the frame itself).</summary>
    public string Describe(string? leaf = null)
    {
        var path = new StringBuilder();
        foreach (var (name, index) in _frames)
        {
            Append(path, name);
            if (index >= 0)
            {
                path.Append(CultureInfo.InvariantCulture, $"[{index}]");
            }
        }

        Append(path, leaf);
        return path.Length == 0 ? "(the value itself)" : path.ToString();
    }

    /// <summary>The exception for a value at <paramref name="leaf"/> that cannot be written: an
    /// <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/> is the field's path.</summary>
    public UnwritableValueException Refuse(string? leaf, string reason, Exception? innerException = null) =>
        new(Describe(leaf), reason, innerException);

    private static void Append(StringBuilder path, string? name)
    {
        if (!string.IsNullOrEmpty(name))
        {
            if (path.Length > 0)
            {
                path.Append('.');
            }

            path.Append(name);
        }
    }
}
