using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace HoneyHive.Kiota.Generator.Description;

/// <summary>
/// Turns an OpenAPI description into an <see cref="ApiSpec"/>. Shapes the emitters cannot express
/// faithfully are rejected with the JSON location, never silently approximated.
/// </summary>
public static class DescriptionReader
{
    private const string JsonMediaType = "application/json";
    private const string TimestampExtension = "x-honeyhive-timestamp";

    /// <summary>Reads and validates the description.</summary>
    /// <param name="descriptionJson">The description as JSON text.</param>
    /// <param name="clientClassName">The root client's class name.</param>
    /// <param name="rootNamespace">The namespace the generated code lives in.</param>
    /// <returns>The resolved specification.</returns>
    public static ApiSpec Read(string descriptionJson, string clientClassName, string rootNamespace)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(descriptionJson));
        var result = OpenApiDocument.Load(stream, "json", new OpenApiReaderSettings());
        if (result.Diagnostic?.Errors is { Count: > 0 } errors)
        {
            throw new InvalidDataException("The OpenAPI description is invalid: " + string.Join("; ", errors.Select(e => $"{e.Pointer}: {e.Message}")));
        }

        var document = result.Document ?? throw new InvalidDataException("The OpenAPI description could not be read.");
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var context = new ReadContext(schemas);

        var root = ReadPaths(document, context);
        var models = new List<ModelSpec>();
        var enums = new List<EnumSpec>();
        foreach (var (name, schema) in schemas.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (IsTimestamp(schema))
            {
                continue;
            }

            if (schema.Enum is { Count: > 0 })
            {
                enums.Add(ReadEnum(name, schema));
            }
            else if (Without(schema.Type) == JsonSchemaType.Object && schema.Properties is { Count: > 0 })
            {
                models.Add(ReadModel(name, schema, context));
            }
            else
            {
                throw new NotSupportedException($"#/components/schemas/{name}: only objects with properties, string enums and timestamps are supported as components.");
            }
        }

        return new ApiSpec(clientClassName, rootNamespace, document.Servers?.FirstOrDefault()?.Url, models, enums, root);
    }

    private sealed class ReadContext(IDictionary<string, IOpenApiSchema> schemas)
    {
        public IDictionary<string, IOpenApiSchema> Schemas { get; } = schemas;
        public HashSet<string> Inputs { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Errors { get; } = new(StringComparer.Ordinal);

        // Everything reachable from a request gets user-buildable types for its free-form fields.
        public void MarkInput(string name)
        {
            if (!Inputs.Add(name) || !Schemas.TryGetValue(name, out var schema))
            {
                return;
            }

            foreach (var property in schema.Properties?.Values ?? [])
            {
                var target = property.Items ?? property;
                if (ReferenceId(target) is { } id)
                {
                    MarkInput(id);
                }
            }
        }
    }

    private static BuilderSpec ReadPaths(OpenApiDocument document, ReadContext context)
    {
        var operationsByPath = new SortedDictionary<string, List<OperationSpec>>(StringComparer.Ordinal);
        foreach (var (path, item) in document.Paths ?? [])
        {
            if (path.Contains('{', StringComparison.Ordinal))
            {
                throw new NotSupportedException($"paths['{path}']: path parameters are not supported yet.");
            }

            var operations = new List<OperationSpec>();
            foreach (var (method, operation) in (item.Operations ?? []).OrderBy(o => o.Key.Method, StringComparer.Ordinal))
            {
                operations.Add(ReadOperation($"paths['{path}'].{method.Method.ToLowerInvariant()}", method.Method, operation, context));
            }

            operationsByPath[path.Trim('/')] = operations;
        }

        return BuildTree([], operationsByPath);
    }

    private static BuilderSpec BuildTree(IReadOnlyList<string> segments, SortedDictionary<string, List<OperationSpec>> operationsByPath)
    {
        var prefix = string.Join('/', segments);
        var childSegments = operationsByPath.Keys
            .Where(p => p.Length > prefix.Length && (prefix.Length == 0 || p.StartsWith(prefix + "/", StringComparison.Ordinal)))
            .Select(p => p[(prefix.Length == 0 ? 0 : prefix.Length + 1)..].Split('/')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(s => BuildTree([.. segments, s], operationsByPath))
            .ToList();
        var operations = operationsByPath.TryGetValue(prefix, out var found) ? found : [];
        return new BuilderSpec(segments, operations, childSegments);
    }

    private static OperationSpec ReadOperation(string location, string method, OpenApiOperation operation, ReadContext context)
    {
        var query = new List<QueryParameterSpec>();
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter.In != ParameterLocation.Query)
            {
                throw new NotSupportedException($"{location}: parameter '{parameter.Name}' in {parameter.In} is not supported yet.");
            }

            query.Add(ReadQueryParameter($"{location}.parameters['{parameter.Name}']", parameter, context));
        }

        string? body = null;
        if (operation.RequestBody is { } requestBody)
        {
            body = JsonReference($"{location}.requestBody", requestBody.Content);
            context.MarkInput(body);
        }

        string? response = null;
        var errors = new List<ErrorMappingSpec>();
        foreach (var (code, answer) in (operation.Responses ?? []).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (code.StartsWith('2'))
            {
                response ??= answer.Content is { Count: > 0 } ? JsonReference($"{location}.responses['{code}']", answer.Content) : null;
            }
            else if (answer.Content is { Count: > 0 })
            {
                var error = JsonReference($"{location}.responses['{code}']", answer.Content);
                context.Errors.Add(error);
                errors.Add(new ErrorMappingSpec(code, error));
            }
        }

        return new OperationSpec(
            Naming.Pascal(method.ToLowerInvariant()),
            operation.Summary ?? operation.Description,
            query.OrderBy(q => q.WireName, StringComparer.Ordinal).ToList(),
            body,
            response,
            errors);
    }

    private static QueryParameterSpec ReadQueryParameter(string location, IOpenApiParameter parameter, ReadContext context)
    {
        var name = parameter.Name ?? throw new InvalidDataException($"{location}: a parameter has no name.");
        QueryKind kind;
        string? typeName = null;
        if (parameter.Content is { Count: > 0 })
        {
            var schema = JsonSchema(location, parameter.Content);
            if (ReferenceId(schema) is { } id)
            {
                kind = QueryKind.JsonObject;
                typeName = id;
            }
            else if (Without(schema.Type) == JsonSchemaType.Array && schema.Items is { } items && ReferenceId(items) is { } itemId)
            {
                kind = QueryKind.JsonObjectList;
                typeName = itemId;
            }
            else
            {
                throw new NotSupportedException($"{location}: JSON query parameters must be a component object or an array of them.");
            }

            context.MarkInput(typeName);
        }
        else
        {
            var schema = parameter.Schema ?? throw new InvalidDataException($"{location}: a parameter needs a schema or content.");
            kind = Without(schema.Type) switch
            {
                JsonSchemaType.String => QueryKind.String,
                JsonSchemaType.Boolean => QueryKind.Boolean,
                JsonSchemaType.Integer => schema.Format == "int64" ? QueryKind.Int64 : QueryKind.Int32,
                JsonSchemaType.Number => QueryKind.Double,
                _ => throw new NotSupportedException($"{location}: query parameters of type {schema.Type} are not supported yet."),
            };
        }

        return new QueryParameterSpec(name, Naming.Pascal(name), kind, typeName, parameter.Required, parameter.Description);
    }

    private static ModelSpec ReadModel(string name, IOpenApiSchema schema, ReadContext context)
    {
        var properties = new List<PropertySpec>();
        foreach (var (jsonName, property) in schema.Properties!.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var location = $"#/components/schemas/{name}/properties/{jsonName}";
            var (kind, typeName) = ReadPropertyKind(location, property, context);
            var csName = Naming.Pascal(jsonName);
            if (csName == name || csName == "AdditionalData")
            {
                csName += "Prop";
            }

            properties.Add(new PropertySpec(jsonName, csName, kind, typeName, Describe(property, context)));
        }

        return new ModelSpec(name, schema.Description, properties, context.Inputs.Contains(name), context.Errors.Contains(name));
    }

    private static (PropertyKind Kind, string? TypeName) ReadPropertyKind(string location, IOpenApiSchema property, ReadContext context)
    {
        if (ReferenceId(property) is { } id)
        {
            var target = context.Schemas[id];
            if (IsTimestamp(target))
            {
                return (PropertyKind.Timestamp, null);
            }

            return target.Enum is { Count: > 0 } ? (PropertyKind.Enum, id) : (PropertyKind.Object, id);
        }

        if (property.Enum is { Count: > 0 } || property.OneOf is { Count: > 0 } || property.AnyOf is { Count: > 0 } || property.AllOf is { Count: > 0 })
        {
            throw new NotSupportedException($"{location}: inline enums and composed schemas must be components.");
        }

        switch (Without(property.Type))
        {
            case JsonSchemaType.String:
                return (property.Format == "date-time" ? PropertyKind.DateTimeOffset : PropertyKind.String, null);
            case JsonSchemaType.Boolean:
                return (PropertyKind.Boolean, null);
            case JsonSchemaType.Integer:
                return (property.Format == "int64" ? PropertyKind.Int64 : PropertyKind.Int32, null);
            case JsonSchemaType.Number:
                return (PropertyKind.Double, null);
            case JsonSchemaType.Object when property.Properties is not { Count: > 0 }:
                return (PropertyKind.FreeForm, null);
            case JsonSchemaType.Array when property.Items is { } items:
                if (ReferenceId(items) is { } itemId && context.Schemas[itemId].Enum is not { Count: > 0 })
                {
                    return (PropertyKind.ObjectList, itemId);
                }

                if (ReferenceId(items) is null && Without(items.Type) == JsonSchemaType.String && items.Enum is not { Count: > 0 })
                {
                    return (PropertyKind.StringList, null);
                }

                throw new NotSupportedException($"{location}: arrays of strings or of component objects are supported, not this item schema.");
            default:
                throw new NotSupportedException($"{location}: schema type '{property.Type}' is not supported.");
        }
    }

    private static EnumSpec ReadEnum(string name, IOpenApiSchema schema)
    {
        if (Without(schema.Type) != JsonSchemaType.String)
        {
            throw new NotSupportedException($"#/components/schemas/{name}: only string enums are supported.");
        }

        var members = schema.Enum!
            .Select(value => value is JsonValue text && text.TryGetValue<string>(out var wire)
                ? wire
                : throw new InvalidDataException($"#/components/schemas/{name}: enum values must be strings."))
            .Select(wire => new EnumMemberSpec(wire, Naming.Pascal(wire)))
            .ToList();
        var duplicate = members.GroupBy(m => m.CsName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new NotSupportedException($"#/components/schemas/{name}: enum values '{string.Join("', '", duplicate.Select(m => m.WireValue))}' map to the same C# name.");
        }

        return new EnumSpec(name, schema.Description, members);
    }

    private static string? Describe(IOpenApiSchema property, ReadContext context) =>
        property.Description ?? (ReferenceId(property) is { } id && context.Schemas.TryGetValue(id, out var target) ? target.Description : null);

    private static bool IsTimestamp(IOpenApiSchema schema) =>
        schema.Extensions?.ContainsKey(TimestampExtension) == true;

    private static string JsonReference(string location, IDictionary<string, IOpenApiMediaType>? content) =>
        ReferenceId(JsonSchema(location, content))
        ?? throw new NotSupportedException($"{location}: JSON bodies must reference a component schema.");

    private static IOpenApiSchema JsonSchema(string location, IDictionary<string, IOpenApiMediaType>? content) =>
        content is not null && content.TryGetValue(JsonMediaType, out var media) && media.Schema is { } schema
            ? schema
            : throw new NotSupportedException($"{location}: only {JsonMediaType} content is supported.");

    private static string? ReferenceId(IOpenApiSchema schema) => schema is OpenApiSchemaReference reference ? reference.Reference.Id : null;

    // OpenAPI 3.0's "nullable: true" arrives as a Null flag beside the real type.
    private static JsonSchemaType? Without(JsonSchemaType? type) => type & ~JsonSchemaType.Null;
}
