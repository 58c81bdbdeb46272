using HoneyHive.Kiota.Models;

namespace HoneyHive.Kiota.EndToEnd.Tests.Support;

/// <summary>Single requests through the generated builders, for tests about one request and its retries.</summary>
internal static class Reads
{
    public static Task<EventList?> GetPageAsync(HoneyHiveClient client, CancellationToken cancellationToken = default) =>
        client.Api.Events.GetAsync(
            config =>
            {
                config.QueryParameters.Project = Clients.Project;
                config.QueryParameters.Filters = "[]";
            },
            cancellationToken);

    public static Task<EventList?> ExportPageAsync(HoneyHiveClient client, CancellationToken cancellationToken = default) =>
        client.Api.Events.Export.PostAsync(new ExportEventsRequest { Project = Clients.Project, Filters = [] }, cancellationToken: cancellationToken);

    public static CreateEventRequest NewEvent(int i, string? id = null) => new()
    {
        Project = Clients.Project,
        EventId = id,
        EventName = $"event-{i}",
        EventType = CreateEventType.Model,
        Source = "e2e",
        Duration = i,
    };
}
