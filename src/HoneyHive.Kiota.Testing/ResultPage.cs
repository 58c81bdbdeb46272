using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

/// <summary>Builds the <c>{ events, totalEvents }</c> answer: filter, order, page, then project.</summary>
internal static class ResultPage
{
    public static JsonObject Build(IReadOnlyList<JsonObject> stored, ServerQuery query, EventOrder order)
    {
        var matches = stored
            .Where(e => e["project_id"] is JsonValue p && p.TryGetValue<string>(out var id) && id == query.Project)
            .Where(query.InDateRange)
            .Where(e => FilterEvaluator.MatchesAll(e, query.Filters))
            .ToList();
        if (order == EventOrder.StartTimeDescending)
        {
            matches = NewestFirst(matches);
        }

        // long arithmetic: page * limit can exceed int for absurd pages, which must just be empty.
        var skip = (long)(query.Page - 1) * query.Limit;
        var page = new JsonArray();
        for (var i = skip; i < matches.Count && i < skip + query.Limit; i++)
        {
            var evt = matches[(int)i];
            page.Add(query.Projections is null ? evt.DeepClone() : Projection.Apply(evt, query.Projections));
        }

        // totalEvents counts every match, not the page: clients page until they have them all.
        return new JsonObject { ["events"] = page, ["totalEvents"] = matches.Count };
    }

    /// <summary>
    /// Newest <c>start_time</c> first; equal times put the later insertion (a higher position in the
    /// insertion-ordered list) first, so a page is stable between identical reads.
    /// </summary>
    private static List<JsonObject> NewestFirst(List<JsonObject> matches) =>
        matches
            .Select((evt, position) => (Event: evt, Position: position, Start: StartMs(evt)))
            .OrderByDescending(m => m.Start)
            .ThenByDescending(m => m.Position)
            .Select(m => m.Event)
            .ToList();

    // Stored events always carry a start_time, but a seeded one may be unreadable: it sorts as the oldest
    // instead of failing every read of the project.
    private static long StartMs(JsonObject evt) =>
        TimeValue.TryGetUnixMilliseconds(evt["start_time"], out var ms) ? ms : long.MinValue;
}
