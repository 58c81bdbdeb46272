using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.Batching;

/// <summary>A shallow copy of <see cref="SessionProperties"/> (the JSON values are shared, only serialized).</summary>
internal static class SessionPropertiesCopy
{
    public static SessionProperties Of(SessionProperties? source) => source is null
        ? new SessionProperties()
        : new SessionProperties
        {
            AdditionalData = new Dictionary<string, object>(source.AdditionalData),
            Config = source.Config,
            Error = source.Error,
            Feedback = source.Feedback,
            Inputs = source.Inputs,
            Metadata = source.Metadata,
            Metrics = source.Metrics,
            Outputs = source.Outputs,
            SessionId = source.SessionId,
            SessionName = source.SessionName,
            Source = source.Source,
            UserProperties = source.UserProperties,
        };
}
