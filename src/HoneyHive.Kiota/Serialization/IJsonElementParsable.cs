using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HoneyHive.Kiota.Serialization;

/// <summary>
/// A model that can fill itself from a <see cref="JsonElement"/> in one pass over its properties.
/// </summary>
/// <remarks>
/// Kiota's <see cref="IParsable.GetFieldDeserializers"/> builds a dictionary of closures per object and
/// wraps every property in a parse node; on a 7,500-event page that dominates parsing time. The
/// source generator (HoneyHive.Kiota.SourceGeneration) implements this interface on Kiota's partial models,
/// so they have both: <see cref="HoneyHiveJsonParseNode"/> takes this fast path, any other
/// <see cref="IParseNode"/> keeps working through <see cref="IParsable"/>. Public because the readers are
/// compiled into whichever assembly holds the models.
/// </remarks>
public interface IJsonElementParsable : IParsable
{
    /// <summary>Assigns the model's properties from a JSON object; values of an unexpected JSON type
    /// are kept in the model's additional data instead of throwing.</summary>
    /// <param name="element">The JSON value.</param>
    /// <returns>Whether the value fitted the model: false for anything but an object, and for an object that
    /// none of a composed type's branches took.</returns>
    bool ReadFrom(JsonElement element);

    /// <summary>Assigns one property, as <see cref="ReadFrom"/> does for each of an object's properties.</summary>
    /// <param name="utf8Name">The property's name as UTF-8.</param>
    /// <param name="json">Its value.</param>
    /// <returns>False when the model does not describe the name or the value does not fit (the caller then keeps it).</returns>
    bool ReadProperty(ReadOnlySpan<byte> utf8Name, JsonElement json);
}
