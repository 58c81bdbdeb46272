namespace HoneyHive.Kiota.Generator.Description;

/// <summary>What the emitters need from an OpenAPI description, already resolved and sorted.</summary>
public sealed record ApiSpec(
    string ClientClassName,
    string RootNamespace,
    string? DefaultBaseUrl,
    IReadOnlyList<ModelSpec> Models,
    IReadOnlyList<EnumSpec> Enums,
    BuilderSpec Root);

/// <summary>The shapes a model property can take; anything else is rejected by the reader.</summary>
public enum PropertyKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    DateTimeOffset,
    /// <summary>Unix milliseconds or a date-time string (<c>x-honeyhive-timestamp</c>).</summary>
    Timestamp,
    Enum,
    Object,
    StringList,
    ObjectList,
    /// <summary>Free-form JSON: <c>JsonElement</c> on response models, <c>JsonNode</c> on request models.</summary>
    FreeForm,
}

/// <summary>One property of a model.</summary>
public sealed record PropertySpec(string JsonName, string CsName, PropertyKind Kind, string? TypeName, string? Description);

/// <summary>A component schema of type object.</summary>
/// <param name="IsInput">Reachable from a request body or a JSON query parameter: free-form fields are built by users.</param>
/// <param name="IsError">Used as an error response: derives from ApiException.</param>
public sealed record ModelSpec(string Name, string? Description, IReadOnlyList<PropertySpec> Properties, bool IsInput, bool IsError);

/// <summary>A string enum component.</summary>
public sealed record EnumSpec(string Name, string? Description, IReadOnlyList<EnumMemberSpec> Members);

/// <summary>One enum value: its wire text and its C# name.</summary>
public sealed record EnumMemberSpec(string WireValue, string CsName);

/// <summary>How a query parameter's value goes on the wire.</summary>
public enum QueryKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    /// <summary><c>content: application/json</c> with an object schema: sent as JSON text.</summary>
    JsonObject,
    /// <summary><c>content: application/json</c> with an array of objects: sent as JSON text.</summary>
    JsonObjectList,
}

/// <summary>One query parameter of an operation.</summary>
public sealed record QueryParameterSpec(string WireName, string CsName, QueryKind Kind, string? TypeName, bool Required, string? Description);

/// <summary>An error response mapped to a generated exception type.</summary>
public sealed record ErrorMappingSpec(string StatusCode, string TypeName);

/// <summary>One HTTP operation on a path.</summary>
public sealed record OperationSpec(
    string Method,
    string? Summary,
    IReadOnlyList<QueryParameterSpec> QueryParameters,
    string? BodyType,
    string? ResponseType,
    IReadOnlyList<ErrorMappingSpec> Errors);

/// <summary>A request builder for one path segment, with its operations and child segments.</summary>
public sealed record BuilderSpec(
    IReadOnlyList<string> Segments,
    IReadOnlyList<OperationSpec> Operations,
    IReadOnlyList<BuilderSpec> Children);
