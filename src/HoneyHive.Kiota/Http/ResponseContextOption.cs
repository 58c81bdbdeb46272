using HoneyHive.Kiota.Errors;
using Microsoft.Kiota.Abstractions;

namespace HoneyHive.Kiota.Http;

/// <summary>
/// Carries what the pipeline saw of a successful response back to <see cref="ContextualRequestAdapter"/>,
/// so a body that fails to parse later (outside the pipeline) can still be reported with its status,
/// path and request id. One instance per request.
/// </summary>
internal sealed class ResponseContextOption : IRequestOption
{
    public HoneyHiveResponseDetails? Details { get; set; }
}
