using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using HoneyHive.Kiota.Serialization;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace HoneyHive.Kiota.SourceGeneration.Tests.Conformance;

/// <summary>
/// Writes a model with Kiota's stock JsonSerializationWriter and reads JSON back with both parse nodes:
/// <c>new JsonParseNode(root).GetObjectValue(factory)</c> and <c>new HoneyHiveJsonParseNode(root).GetObjectValue(factory)</c>,
/// the factory being the model's CreateFromDiscriminatorValue as a <see cref="ParsableFactory{T}"/>.
/// </summary>
internal static class ParseNodes
{
    private static readonly MethodInfo ReadOpen = typeof(ParseNodes).GetMethod(nameof(ReadTyped), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly ConcurrentDictionary<Type, Func<IParseNode, object?>> Readers = new();

    public static string Write(IParsable model)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, model);
        using var content = writer.GetSerializedContent();
        using var reader = new StreamReader(content);
        return reader.ReadToEnd();
    }

    /// <summary>Reads with the stock node; the exception when it throws.</summary>
    public static (object? Model, Exception? Error) ReadStock(Type type, JsonElement root) => Read(type, new JsonParseNode(root));

    /// <summary>Reads with the library's node; the exception when it throws.</summary>
    public static (object? Model, Exception? Error) ReadOurs(Type type, JsonElement root) => Read(type, new HoneyHiveJsonParseNode(root));

    private static (object? Model, Exception? Error) Read(Type type, IParseNode node)
    {
        var read = Readers.GetOrAdd(type, static t =>
        {
            var factory = Delegate.CreateDelegate(typeof(ParsableFactory<>).MakeGenericType(t), ModelCatalog.FactoryMethod(t)!);
            var typed = ReadOpen.MakeGenericMethod(t);
            return n => typed.Invoke(null, [n, factory]);
        });
        try
        {
            return (read(node), null);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is { } inner)
        {
            return (null, inner);
        }
    }

    private static object? ReadTyped<T>(IParseNode node, ParsableFactory<T> factory) where T : IParsable => node.GetObjectValue(factory);
}
