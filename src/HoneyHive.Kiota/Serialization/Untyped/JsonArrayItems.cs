using System.Collections;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.Serialization.Untyped;

/// <summary>The items of an <see cref="UntypedArray"/>, read from a JSON array on first use.</summary>
internal sealed class JsonArrayItems(JsonElement json) : IReadOnlyList<UntypedNode>
{
    private List<UntypedNode>? _items;

    /// <summary>The JSON array while no item has been read.</summary>
    public JsonElement? Unread => _items is null ? json : null;

    private List<UntypedNode> Items => _items ?? Interlocked.CompareExchange(ref _items, Read(), null) ?? _items;

    private List<UntypedNode> Read()
    {
        var items = new List<UntypedNode>(json.GetArrayLength());
        foreach (var item in json.EnumerateArray())
        {
            items.Add(JsonUntyped.From(item));
        }

        return items;
    }

    public UntypedNode this[int index] => Items[index];

    public int Count => _items?.Count ?? json.GetArrayLength();

    public IEnumerator<UntypedNode> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
