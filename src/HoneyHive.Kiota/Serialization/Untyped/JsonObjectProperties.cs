using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.Serialization.Untyped;

/// <summary>
/// The members of an <see cref="UntypedObject"/>, read from a JSON object on first use and an ordinary
/// mutable dictionary from then on.
/// </summary>
internal sealed class JsonObjectProperties(JsonElement json) : IDictionary<string, UntypedNode>
{
    private Dictionary<string, UntypedNode>? _properties;

    /// <summary>The JSON object while no member has been read; null afterwards, since callers may have
    /// changed the dictionary.</summary>
    public JsonElement? Unread => _properties is null ? json : null;

    private Dictionary<string, UntypedNode> Properties =>
        _properties ?? Interlocked.CompareExchange(ref _properties, Read(), null) ?? _properties;

    private Dictionary<string, UntypedNode> Read()
    {
        var properties = new Dictionary<string, UntypedNode>(json.GetPropertyCount());
        foreach (var property in json.EnumerateObject())
        {
            // A repeated name keeps its last value, as JsonObject and Kiota do.
            properties[property.Name] = JsonUntyped.From(property.Value);
        }

        return properties;
    }

    public UntypedNode this[string key]
    {
        get => Properties[key];
        set => Properties[key] = value;
    }

    public ICollection<string> Keys => Properties.Keys;

    public ICollection<UntypedNode> Values => Properties.Values;

    public int Count => _properties?.Count ?? json.GetPropertyCount();

    public bool IsReadOnly => false;

    public void Add(string key, UntypedNode value) => Properties.Add(key, value);

    public void Add(KeyValuePair<string, UntypedNode> item) => Properties.Add(item.Key, item.Value);

    public void Clear() => Properties.Clear();

    public bool Contains(KeyValuePair<string, UntypedNode> item) => ((ICollection<KeyValuePair<string, UntypedNode>>)Properties).Contains(item);

    public bool ContainsKey(string key) => Properties.ContainsKey(key);

    public void CopyTo(KeyValuePair<string, UntypedNode>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, UntypedNode>>)Properties).CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<string, UntypedNode>> GetEnumerator() => Properties.GetEnumerator();

    public bool Remove(string key) => Properties.Remove(key);

    public bool Remove(KeyValuePair<string, UntypedNode> item) => ((ICollection<KeyValuePair<string, UntypedNode>>)Properties).Remove(item);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out UntypedNode value) => Properties.TryGetValue(key, out value);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
