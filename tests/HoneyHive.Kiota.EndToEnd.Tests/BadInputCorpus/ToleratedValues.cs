using System.Globalization;
using System.Text.Json;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Kiota.EndToEnd.Tests.BadInputCorpus;

/// <summary>
/// Checks a parsed <see cref="EventList"/> against a manifest entry's "read" object. Keys:
/// <c>events</c> (count, or null for no list), <c>totalEvents</c>, <c>event</c> (field → value of the
/// first event; free-form fields compare as JSON, dotted paths reach into them),
/// <c>timestampForms</c> (field → the number or text a timestamp holds as sent),
/// <c>eventAdditionalData</c> / <c>listAdditionalData</c> (exactly these keys), <c>stringLengths</c>
/// and <c>depth</c> (of free-form values).
/// </summary>
internal static class ToleratedValues
{
    public static void AssertMatches(JsonElement read, EventList list)
    {
        foreach (var check in read.EnumerateObject())
        {
            switch (check.Name)
            {
                case "events":
                    Assert.Equal(NullableLong(check.Value), list.Events?.Count);
                    break;
                case "totalEvents":
                    Assert.Equal(NullableLong(check.Value), list.TotalEvents);
                    break;
                case "event":
                    foreach (var field in check.Value.EnumerateObject())
                    {
                        AssertField(First(list), field.Name, field.Value);
                    }

                    break;
                case "timestampForms":
                    foreach (var field in check.Value.EnumerateObject())
                    {
                        AssertTimestampForm(First(list), field.Name, field.Value);
                    }

                    break;
                case "eventAdditionalData":
                    Assert.Equal(Names(check.Value), First(list).AdditionalData.Keys.Order(StringComparer.Ordinal));
                    break;
                case "listAdditionalData":
                    Assert.Equal(Names(check.Value), list.AdditionalData.Keys.Order(StringComparer.Ordinal));
                    break;
                case "stringLengths":
                    foreach (var field in check.Value.EnumerateObject())
                    {
                        var value = Resolve(First(list), field.Name);
                        Assert.Equal(field.Value.GetInt32(), value?.GetString()?.Length);
                    }

                    break;
                case "depth":
                    foreach (var field in check.Value.EnumerateObject())
                    {
                        Assert.Equal(field.Value.GetInt32(), Depth(Resolve(First(list), field.Name)!.Value));
                    }

                    break;
                default:
                    Assert.Fail($"Unknown check '{check.Name}' in the manifest.");
                    break;
            }
        }
    }

    private static Event First(EventList list) => Assert.IsType<Event>(list.Events?.FirstOrDefault(), exactMatch: true);

    private static void AssertField(Event e, string name, JsonElement expected)
    {
        switch (name)
        {
            case "event_id": Assert.Equal(Text(expected), e.EventId); break;
            case "event_name": Assert.Equal(Text(expected), e.EventName); break;
            case "project_id": Assert.Equal(Text(expected), e.ProjectId); break;
            case "source": Assert.Equal(Text(expected), e.Source); break;
            case "session_id": Assert.Equal(Text(expected), e.SessionId); break;
            case "parent_id": Assert.Equal(Text(expected), e.ParentId); break;
            case "error": Assert.Equal(Text(expected), e.Error); break;
            case "event_type": Assert.Equal(Text(expected), e.EventType is { } t ? EnumWireNames.Of(t) : null); break;
            case "duration": Assert.Equal(expected.ValueKind == JsonValueKind.Null ? null : expected.GetDouble(), e.Duration); break;
            case "start_time": Assert.Equal(Time(expected), e.StartTime?.ToDateTimeOffset()); break;
            case "end_time": Assert.Equal(Time(expected), e.EndTime?.ToDateTimeOffset()); break;
            case "children_ids":
                Assert.Equal(expected.ValueKind == JsonValueKind.Null ? null : expected.EnumerateArray().Select(x => x.GetString()!).ToList(), e.ChildrenIds);
                break;
            default:
                // Free-form fields and dotted paths into them compare as JSON values.
                var actual = Resolve(e, name);
                if (expected.ValueKind == JsonValueKind.Null)
                {
                    Assert.Null(actual);
                }
                else
                {
                    Assert.NotNull(actual);
                    Assert.True(JsonElement.DeepEquals(expected, actual.Value), $"{name}: expected {expected.GetRawText()}, read {actual.Value.GetRawText()}");
                }

                break;
        }
    }

    // The form a timestamp holds as sent: Unix milliseconds in Double, text in String.
    private static void AssertTimestampForm(Event e, string name, JsonElement expected)
    {
        var timestamp = name switch
        {
            "start_time" => e.StartTime,
            "end_time" => e.EndTime,
            _ => throw new ArgumentException($"'{name}' is not a timestamp of Event.", nameof(name)),
        };
        Assert.NotNull(timestamp);
        if (expected.ValueKind == JsonValueKind.Number)
        {
            Assert.Equal(expected.GetDouble(), timestamp.Double);
            Assert.Null(timestamp.String);
        }
        else
        {
            Assert.Equal(expected.GetString(), timestamp.String);
            Assert.Null(timestamp.Double);
        }
    }

    /// <summary>A free-form field, or a dotted path into one (array indexes as numbers).</summary>
    public static JsonElement? Resolve(Event e, string path)
    {
        var segments = path.Split('.');
        var field = segments[0] switch
        {
            "config" => e.Config,
            "inputs" => e.Inputs,
            "outputs" => e.Outputs,
            "metadata" => e.Metadata,
            "feedback" => e.Feedback,
            "metrics" => e.Metrics,
            "user_properties" => e.UserProperties,
            _ => throw new ArgumentException($"'{segments[0]}' is not a free-form field of Event.", nameof(path)),
        };
        JsonElement? current = field?.ToJsonElement();
        foreach (var segment in segments.Skip(1))
        {
            if (current is not { } element)
            {
                return null;
            }

            current = element.ValueKind switch
            {
                JsonValueKind.Object when element.TryGetProperty(segment, out var child) => child,
                JsonValueKind.Array when int.TryParse(segment, CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength() => element[index],
                _ => null,
            };
        }

        return current;
    }

    // Iterative: the point of the depth entries is that nothing recurses over deep input.
    private static int Depth(JsonElement element)
    {
        var depth = 0;
        while (element.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
        {
            depth++;
            var children = element.ValueKind == JsonValueKind.Array
                ? element.EnumerateArray().ToList()
                : element.EnumerateObject().Select(p => p.Value).ToList();
            if (children.Count == 0)
            {
                break;
            }

            element = children[0];
        }

        return depth;
    }

    private static long? NullableLong(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetInt64();

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetString();

    private static DateTimeOffset? Time(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? null : DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture);

    private static IEnumerable<string> Names(JsonElement array) => array.EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal);
}
