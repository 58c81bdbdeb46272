namespace HoneyHive.Kiota.Telemetry;

/// <summary>Attribute names: OpenTelemetry's semantic conventions where one fits, <c>honeyhive.*</c> otherwise.</summary>
internal static class TelemetryTags
{
    public const string Endpoint = "honeyhive.endpoint";
    public const string Attempts = "honeyhive.attempts";
    public const string Page = "honeyhive.page";
    public const string Events = "honeyhive.events";
    public const string Chunk = "honeyhive.batch.chunk";
    public const string Created = "honeyhive.batch.created";
    public const string Failed = "honeyhive.batch.failed";
    public const string RetryAttempt = "honeyhive.retry.attempt";
    public const string RetryReason = "honeyhive.retry.reason";
    public const string RetryDelay = "honeyhive.retry.delay_ms";
    public const string DropReason = "honeyhive.sink.drop_reason";
    public const string Method = "http.request.method";
    public const string StatusCode = "http.response.status_code";
    public const string ServerAddress = "server.address";
    public const string ErrorType = "error.type";
}
