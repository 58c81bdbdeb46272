using System.Text.Json;
using HoneyHive.Kiota.Testing;

namespace HoneyHive.Cli.Tests;

/// <summary>Reads what the fake received: GET query parameters and export bodies.</summary>
internal static class Query
{
    public static string? Value(RecordedRequest request, string name)
    {
        var query = request.PathAndQuery.Split('?', 2) is [_, var q] ? q : "";
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (Uri.UnescapeDataString(parts[0]) == name)
            {
                return parts.Length == 2 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "";
            }
        }

        return null;
    }

    public static JsonElement Json(RecordedRequest request, string name)
    {
        var text = Value(request, name);
        Assert.True(text is not null, $"no '{name}' in {request.PathAndQuery}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static JsonElement Body(RecordedRequest request)
    {
        using var document = JsonDocument.Parse(request.Body);
        return document.RootElement.Clone();
    }
}
