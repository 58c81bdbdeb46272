using HoneyHive.Kiota.Generator.Description;

namespace HoneyHive.Kiota.Generator.Emit;

/// <summary>
/// Emits a request builder in Kiota's shape (<c>BaseRequestBuilder</c>, <c>To{Method}RequestInformation</c>,
/// <c>{Method}Async</c>, <c>WithUrl</c>, a query-parameter class with <c>[QueryParameter]</c>) and, for the root,
/// the client class that registers serialization and the default base URL.
/// </summary>
public static class RequestBuilderEmitter
{
    /// <summary>The namespace of a builder: the root namespace plus one segment per path segment.</summary>
    /// <param name="rootNamespace">The client's namespace.</param>
    /// <param name="segments">The builder's path segments.</param>
    /// <returns>The namespace.</returns>
    public static string NamespaceOf(string rootNamespace, IReadOnlyList<string> segments) =>
        string.Join('.', new[] { rootNamespace }.Concat(segments.Select(Naming.Pascal)));

    /// <summary>The class name of a builder.</summary>
    /// <param name="spec">The specification.</param>
    /// <param name="builder">The builder.</param>
    /// <returns>The class name.</returns>
    public static string ClassOf(ApiSpec spec, BuilderSpec builder) =>
        builder.Segments.Count == 0 ? spec.ClientClassName : Naming.Pascal(builder.Segments[^1]) + "RequestBuilder";

    /// <summary>Emits the builder's file.</summary>
    /// <param name="spec">The specification.</param>
    /// <param name="builder">The builder.</param>
    /// <param name="serializers">Serialization writer factories to register (root only).</param>
    /// <param name="deserializers">Parse node factories to register (root only).</param>
    /// <returns>The file's text.</returns>
    public static string Emit(ApiSpec spec, BuilderSpec builder, IReadOnlyList<string> serializers, IReadOnlyList<string> deserializers)
    {
        var isRoot = builder.Segments.Count == 0;
        var ns = NamespaceOf(spec.RootNamespace, builder.Segments);
        var className = ClassOf(spec, builder);
        var models = spec.RootNamespace + ".Models";
        var template = UrlTemplate(builder);
        var path = "/" + string.Join('/', builder.Segments);

        var w = new CodeWriter();
        FileHeader.Write(w, "HoneyHive.Kiota.Serialization", "Microsoft.Kiota.Abstractions", "Microsoft.Kiota.Abstractions.Serialization",
            "System", "System.Collections.Generic", "System.Threading", "System.Threading.Tasks");
        using (w.Block($"namespace {ns}"))
        {
            w.Summary(isRoot ? "The main entry point of the SDK, exposes the configuration and the fluent API." : $"Builds and executes requests for operations under {path}");
            w.Line(FileHeader.GeneratedCodeAttribute);
            using (w.Block($"public partial class {className} : BaseRequestBuilder"))
            {
                foreach (var child in builder.Children)
                {
                    var childType = $"global::{NamespaceOf(spec.RootNamespace, child.Segments)}.{ClassOf(spec, child)}";
                    w.Summary($"The {child.Segments[^1]} property");
                    w.Line($"public {childType} {Naming.Pascal(child.Segments[^1])}");
                    w.Line("{");
                    w.Line($"    get => new {childType}(PathParameters, RequestAdapter);");
                    w.Line("}");
                    w.Line();
                }

                if (isRoot)
                {
                    EmitRootConstructor(w, spec, className, serializers, deserializers);
                }
                else
                {
                    EmitConstructors(w, className, template);
                    foreach (var operation in builder.Operations)
                    {
                        EmitSend(w, className, models, operation);
                        EmitToRequestInformation(w, className, models, operation);
                    }

                    w.Summary("Returns a request builder with the provided arbitrary URL. Using this method means any other path or query parameters are ignored.");
                    w.Doc("returns", $"A {className}.");
                    w.Doc("param name=\"rawUrl\"", "The raw URL to use for the request builder.");
                    w.Line($"public {className} WithUrl(string rawUrl) => new {className}(rawUrl, RequestAdapter);");
                    foreach (var operation in builder.Operations.Where(o => o.QueryParameters.Count > 0))
                    {
                        EmitQueryParameters(w, className, models, operation);
                    }
                }
            }
        }

        return w.ToString();
    }

    private static void EmitRootConstructor(CodeWriter w, ApiSpec spec, string className, IReadOnlyList<string> serializers, IReadOnlyList<string> deserializers)
    {
        w.Summary($"Instantiates a new {className} and sets the default values.");
        w.Doc("param name=\"requestAdapter\"", "The request adapter to use to execute the requests.");
        using (w.Block($"public {className}(IRequestAdapter requestAdapter) : base(requestAdapter, \"{{+baseurl}}\", new Dictionary<string, object>())"))
        {
            if (serializers.Count + deserializers.Count > 0)
            {
                // A feature switch, so NativeAOT apps that hand factories to their adapter can trim
                // Kiota's registries (and the regex engine behind them) away.
                using (w.Block("if (global::HoneyHive.Kiota.Serialization.KiotaDefaults.RegisterDefaultSerialization)"))
                {
                    foreach (var serializer in serializers)
                    {
                        w.Line($"ApiClientBuilder.RegisterDefaultSerializer<global::{serializer}>();");
                    }

                    foreach (var deserializer in deserializers)
                    {
                        w.Line($"ApiClientBuilder.RegisterDefaultDeserializer<global::{deserializer}>();");
                    }
                }
            }

            if (spec.DefaultBaseUrl is { } baseUrl)
            {
                using (w.Block("if (string.IsNullOrEmpty(RequestAdapter.BaseUrl))"))
                {
                    w.Line($"RequestAdapter.BaseUrl = {Cs.Quote(baseUrl.TrimEnd('/'))};");
                }
            }

            w.Line("PathParameters.TryAdd(\"baseurl\", RequestAdapter.BaseUrl);");
        }
    }

    private static void EmitConstructors(CodeWriter w, string className, string template)
    {
        w.Summary($"Instantiates a new {className} and sets the default values.");
        w.Doc("param name=\"pathParameters\"", "Path parameters for the request");
        w.Doc("param name=\"requestAdapter\"", "The request adapter to use to execute the requests.");
        w.Line($"public {className}(Dictionary<string, object> pathParameters, IRequestAdapter requestAdapter) : base(requestAdapter, {Cs.Quote(template)}, pathParameters)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Summary($"Instantiates a new {className} and sets the default values.");
        w.Doc("param name=\"rawUrl\"", "The raw URL to use for the request builder.");
        w.Doc("param name=\"requestAdapter\"", "The request adapter to use to execute the requests.");
        w.Line($"public {className}(string rawUrl, IRequestAdapter requestAdapter) : base(requestAdapter, {Cs.Quote(template)}, rawUrl)");
        w.Line("{");
        w.Line("}");
        w.Line();
    }

    private static string QueryType(string className, OperationSpec operation) =>
        operation.QueryParameters.Count > 0 ? $"{className}{operation.Method}QueryParameters" : "DefaultQueryParameters";

    private static string ConfigurationType(string className, OperationSpec operation) =>
        $"Action<RequestConfiguration<{QueryType(className, operation)}>>?";

    private static void EmitSend(CodeWriter w, string className, string models, OperationSpec operation)
    {
        var response = operation.ResponseType is { } r ? $"global::{models}.{r}" : null;
        var bodyParameter = operation.BodyType is { } b ? $"global::{models}.{b} body, " : "";
        w.Summary(operation.Summary ?? $"{operation.Method.ToUpperInvariant()} request.");
        w.Doc("returns", response is null ? "A Task." : $"A {operation.ResponseType}.");
        if (operation.BodyType is not null)
        {
            w.Doc("param name=\"body\"", "The request body");
        }

        w.Doc("param name=\"cancellationToken\"", "Cancellation token to use when cancelling requests");
        w.Doc("param name=\"requestConfiguration\"", "Configuration for the request such as headers, query parameters, and middleware options.");
        foreach (var error in operation.Errors)
        {
            w.Doc($"exception cref=\"global::{models}.{error.TypeName}\"", $"When receiving a {error.StatusCode} status code");
        }

        var returnType = response is null ? "Task" : $"Task<{response}?>";
        using (w.Block($"public async {returnType} {operation.Method}Async({bodyParameter}{ConfigurationType(className, operation)} requestConfiguration = default, CancellationToken cancellationToken = default)"))
        {
            if (operation.BodyType is not null)
            {
                w.Line("ArgumentNullException.ThrowIfNull(body);");
            }

            var arguments = operation.BodyType is null ? "requestConfiguration" : "body, requestConfiguration";
            w.Line($"var requestInfo = To{operation.Method}RequestInformation({arguments});");
            var errorMapping = "default";
            if (operation.Errors.Count > 0)
            {
                errorMapping = "errorMapping";
                using (w.Block("var errorMapping = new Dictionary<string, ParsableFactory<IParsable>>", ";"))
                {
                    foreach (var error in operation.Errors)
                    {
                        w.Line($"{{ {Cs.Quote(error.StatusCode)}, global::{models}.{error.TypeName}.CreateFromDiscriminatorValue }},");
                    }
                }
            }

            w.Line(response is null
                ? $"await RequestAdapter.SendNoContentAsync(requestInfo, {errorMapping}, cancellationToken).ConfigureAwait(false);"
                : $"return await RequestAdapter.SendAsync<{response}>(requestInfo, {response}.CreateFromDiscriminatorValue, {errorMapping}, cancellationToken).ConfigureAwait(false);");
        }

        w.Line();
    }

    private static void EmitToRequestInformation(CodeWriter w, string className, string models, OperationSpec operation)
    {
        var bodyParameter = operation.BodyType is { } b ? $"global::{models}.{b} body, " : "";
        w.Summary(operation.Summary ?? $"{operation.Method.ToUpperInvariant()} request.");
        w.Doc("returns", "A RequestInformation.");
        if (operation.BodyType is not null)
        {
            w.Doc("param name=\"body\"", "The request body");
        }

        w.Doc("param name=\"requestConfiguration\"", "Configuration for the request such as headers, query parameters, and middleware options.");
        using (w.Block($"public RequestInformation To{operation.Method}RequestInformation({bodyParameter}{ConfigurationType(className, operation)} requestConfiguration = default)"))
        {
            if (operation.BodyType is not null)
            {
                w.Line("ArgumentNullException.ThrowIfNull(body);");
            }

            w.Line($"var requestInfo = new RequestInformation(Method.{operation.Method.ToUpperInvariant()}, UrlTemplate, PathParameters);");
            // Explicit rather than RequestInformation.Configure: that reads query parameters by
            // reflection and cannot JSON-encode the content-typed ones.
            using (w.Block("if (requestConfiguration != null)"))
            {
                w.Line($"var configuration = new RequestConfiguration<{QueryType(className, operation)}>();");
                w.Line("requestConfiguration(configuration);");
                w.Line("requestInfo.AddHeaders(configuration.Headers);");
                w.Line("requestInfo.AddRequestOptions(configuration.Options);");
                if (operation.QueryParameters.Count > 0)
                {
                    w.Line("configuration.QueryParameters.AddTo(requestInfo);");
                }
            }

            w.Line("requestInfo.Headers.TryAdd(\"Accept\", \"application/json\");");
            if (operation.BodyType is not null)
            {
                w.Line("requestInfo.SetContentFromParsable(RequestAdapter, \"application/json\", body);");
            }

            w.Line("return requestInfo;");
        }

        w.Line();
    }

    private static void EmitQueryParameters(CodeWriter w, string className, string models, OperationSpec operation)
    {
        w.Line();
        w.Summary(operation.Summary ?? $"Query parameters of {operation.Method.ToUpperInvariant()}.");
        w.Line(FileHeader.GeneratedCodeAttribute);
        using (w.Block($"public partial class {QueryType(className, operation)}"))
        {
            foreach (var q in operation.QueryParameters)
            {
                var description = Sentence(q.Description ?? $"The {q.WireName} parameter") + (q.Required ? " Required." : "")
                    + (q.Kind is QueryKind.JsonObject or QueryKind.JsonObjectList ? " Sent as JSON text." : "");
                w.Summary(description);
                w.Line($"[QueryParameter({Cs.Quote(q.WireName)})]");
                w.Line($"public {QueryPropertyType(q, models)} {q.CsName} {{ get; set; }}");
                w.Line();
            }

            w.Summary("Adds the parameters that are set to the request's query string; JSON-typed ones as compact JSON text.");
            w.Doc("param name=\"requestInformation\"", "The request to add them to.");
            using (w.Block("public void AddTo(RequestInformation requestInformation)"))
            {
                w.Line("ArgumentNullException.ThrowIfNull(requestInformation);");
                foreach (var q in operation.QueryParameters)
                {
                    var value = q.Kind is QueryKind.JsonObject or QueryKind.JsonObjectList ? $"QueryJson.Serialize({q.CsName})" : q.CsName;
                    w.Line($"if ({q.CsName} != null) requestInformation.QueryParameters[{Cs.Quote(q.WireName)}] = {value};");
                }
            }
        }
    }

    private static string Sentence(string text) => text.TrimEnd().EndsWith('.') ? text.TrimEnd() : text.TrimEnd() + ".";

    private static string QueryPropertyType(QueryParameterSpec q, string models) => q.Kind switch
    {
        QueryKind.String => "string?",
        QueryKind.Boolean => "bool?",
        QueryKind.Int32 => "int?",
        QueryKind.Int64 => "long?",
        QueryKind.Double => "double?",
        QueryKind.JsonObject => $"global::{models}.{q.TypeName}?",
        QueryKind.JsonObjectList => $"List<global::{models}.{q.TypeName}>?",
        _ => throw new NotSupportedException(q.Kind.ToString()),
    };

    // RFC 6570 form-style query expansion; the URL template library percent-encodes the values.
    private static string UrlTemplate(BuilderSpec builder)
    {
        var names = builder.Operations.SelectMany(o => o.QueryParameters).Select(q => q.WireName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var path = "{+baseurl}/" + string.Join('/', builder.Segments);
        return names.Count == 0 ? path : path + "{?" + string.Join(',', names) + "}";
    }
}
