using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing;

/// <summary>
/// <c>POST /events/batch</c>: validates the whole batch first (a 400 stores nothing), then stores each event.
/// A re-sent <c>event_id</c> is reported as created but stored once, so client retries are safe; each such repeat
/// is logged, with whether an earlier request's outcome was hidden from the client.
/// </summary>
internal static class BatchProcessor
{
    public static HttpResponseMessage Handle(
        JsonObject body, EventStore store, RepeatLog repeats, long nowMs, FaultRule? partialFailure, bool outcomeHidden)
    {
        if (body["events"] is not JsonArray events)
        {
            throw new BadRequestException("events is required and must be an array");
        }

        var singleSession = body["is_single_session"] switch
        {
            null => false,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            _ => throw new BadRequestException("is_single_session must be a boolean"),
        };
        var sessionProperties = body["session_properties"] switch
        {
            null => null,
            JsonObject o => o,
            _ => throw new BadRequestException("session_properties must be an object"),
        };

        var requests = Validate(events);

        // One shared session: the caller's session id when it names one, else a fresh one.
        string? sharedSession = null;
        if (singleSession)
        {
            sharedSession = OptionalId(sessionProperties?["session_id"])
                ?? requests.Select(e => OptionalId(e["session_id"])).FirstOrDefault(id => id is not null)
                ?? EventShape.NewId();
        }

        var created = new JsonArray();
        var errors = new JsonArray();
        var carried = new List<string>(requests.Count);
        string? firstSession = null;
        for (var i = 0; i < requests.Count; i++)
        {
            var evt = EventShape.Normalize(requests[i], sharedSession, nowMs);
            var id = EventShape.EventId(evt);
            carried.Add(id);
            if (partialFailure?.FailEvent?.Invoke((JsonObject)evt.DeepClone(), i) == true)
            {
                errors.Add((JsonNode?)JsonValue.Create($"Failed to create event {id}: injected fault"));
                continue;
            }

            if (!store.TryAdd(evt, id))
            {
                repeats.Record(id);
            }

            created.Add((JsonNode?)JsonValue.Create(id));
            firstSession ??= evt["session_id"]!.GetValue<string>();
        }

        // Marked after the loop: an id twice in this batch is a duplicate, not a reaction to a hidden outcome.
        if (outcomeHidden)
        {
            repeats.MarkHidden(carried);
        }

        if (errors.Count > 0)
        {
            // HoneyHive's partial success: HTTP 500 that still lists what was created.
            return JsonResponses.Json(HttpStatusCode.InternalServerError, new JsonObject
            {
                ["event_ids"] = created,
                ["errors"] = errors,
                ["success"] = false,
            });
        }

        return JsonResponses.Json(HttpStatusCode.OK, new JsonObject
        {
            ["event_ids"] = created,
            ["session_id"] = sharedSession ?? firstSession ?? EventShape.NewId(),
            ["success"] = true,
        });
    }

    private static List<JsonObject> Validate(JsonArray events)
    {
        var requests = new List<JsonObject>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is not JsonObject evt)
            {
                throw new BadRequestException($"events[{i}] must be an object");
            }

            if (!EventShape.IsNonEmptyString(evt["project"]) && !EventShape.IsNonEmptyString(evt["project_id"]))
            {
                throw new BadRequestException($"events[{i}].project is required");
            }

            foreach (var name in (ReadOnlySpan<string>)["event_id", "session_id", "parent_id"])
            {
                if (evt[name] is not null && !EventShape.IsNonEmptyString(evt[name]))
                {
                    throw new BadRequestException($"events[{i}].{name} must be a non-empty string");
                }
            }

            requests.Add(evt);
        }

        return requests;
    }

    private static string? OptionalId(JsonNode? node) => EventShape.IsNonEmptyString(node) ? node!.GetValue<string>() : null;
}
