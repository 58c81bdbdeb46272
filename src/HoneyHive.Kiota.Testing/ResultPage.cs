using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

/// <summary>Builds the <c>{ events, totalEvents }</c> answer: filter, page, then project.</summary>
internal static class ResultPage
{
    public static JsonObject Build(IReadOnlyList<JsonObject> stored, EventQuery query)
    {
        var matches = stored
            .Where(e => e["project_id"] is JsonValue p && p.TryGetValue<string>(out var id) && id == query.Project)
            .Where(query.InDateRange)
            .Where(e => FilterEvaluator.MatchesAll(e, query.Filters))
            .ToList();

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
}
