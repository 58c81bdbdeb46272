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
    /// <summary>Assigns the model's properties from a JSON value; values of an unexpected JSON type
    /// are kept in the model's additional data instead of throwing.</summary>
    /// <param name="element">The JSON value; anything other than an object leaves the model empty.</param>
    void ReadFrom(JsonElement element);
}
