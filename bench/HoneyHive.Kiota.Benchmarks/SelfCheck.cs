using System.Text.Json;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Kiota.Benchmarks;

/// <summary>
/// Runs every timed code path once and compares the results, before any timing: a parser or writer
/// that drops data would otherwise simply look fast.
/// </summary>
internal static class SelfCheck
{
    public static void Run()
    {
        CheckParsers();
        CheckSerializers();
        CheckRequests();
        Console.WriteLine("self-check: OK (parsers agree on a 7,500-event page, writers on a 1,000-event batch, builders on every URI)");
        Console.WriteLine("self-check: OK (" + Sink.SinkSelfCheck.Run() + "; " + Export.ExportSelfCheck.Run() + ")");
    }

    private static void CheckParsers()
    {
        var json = Payloads.Page;
        var stj = Parsers.StjAsync(json).GetAwaiter().GetResult()!;
        var fast = Parsers.FastAsync(json).GetAwaiter().GetResult();
        var stock = Parsers.StockAsync(json).GetAwaiter().GetResult();

        Expect(stj.Events!.Count == Payloads.PageEvents, $"STJ read {stj.Events.Count} events");
        Expect(fast.Events!.Count == Payloads.PageEvents, $"HoneyHive node read {fast.Events.Count} events");
        Expect(stock.Events!.Count == Payloads.PageEvents, $"stock node read {stock.Events.Count} events");
        Expect(fast.TotalEvents == stj.TotalEvents && stock.TotalEvents == stj.TotalEvents, "totalEvents differ");

        for (var i = 0; i < Payloads.PageEvents; i++)
        {
            var (s, f, k) = (stj.Events[i], fast.Events[i], stock.Events[i]);
            Expect(f.EventId == s.EventId && k.EventId == s.EventId, $"event {i}: event_id differs");
            Expect(f.ParentId == s.ParentId && k.ParentId == s.ParentId, $"event {i}: parent_id differs");
            Expect(f.Duration == s.Duration && k.Duration == s.Duration, $"event {i}: duration differs");
            Expect(f.ChildrenIds!.SequenceEqual(s.ChildrenIds!) && k.ChildrenIds!.SequenceEqual(s.ChildrenIds!), $"event {i}: children_ids differ");
            var start = new Timestamp { String = s.StartTime!.Value.GetString() }.ToDateTimeOffset();
            Expect(start is not null && f.StartTime?.ToDateTimeOffset() == start && k.StartTime?.ToDateTimeOffset() == start, $"event {i}: start_time differs");
            var faithfulness = s.Metrics!.Value.GetProperty("Answer Faithfulness").GetInt32();
            Expect(f.Metrics.GetProperty("Answer Faithfulness").GetInt64() == faithfulness
                && k.Metrics.GetProperty("Answer Faithfulness").GetInt64() == faithfulness, $"event {i}: metrics differ");
            Expect(f.Inputs!.ToJsonElement().GetRawText() == s.Inputs!.Value.GetRawText(), $"event {i}: inputs differ");
            Expect(f.AdditionalData.Count == 0 && k.AdditionalData.Count == 0, $"event {i}: a described property fell into AdditionalData");
        }
    }

    private static void CheckSerializers()
    {
        var stjBody = Serializers.Stj(Serializers.StjRequest(Payloads.Batch));
        using var kiotaBody = Serializers.Kiota(Serializers.KiotaRequest(Payloads.Batch));
        using var honeyHiveBody = Serializers.HoneyHive(Serializers.KiotaRequest(Payloads.Batch));
        using var stj = JsonDocument.Parse(stjBody);
        using var kiota = JsonDocument.Parse(kiotaBody);
        using var honeyHive = JsonDocument.Parse(honeyHiveBody);
        Expect(JsonElement.DeepEquals(kiota.RootElement, honeyHive.RootElement), "the HoneyHive writer and Kiota's disagree on the batch body");
        var stjEvents = stj.RootElement.GetProperty("events");
        var kiotaEvents = kiota.RootElement.GetProperty("events");
        Expect(kiotaEvents.GetArrayLength() == Payloads.BatchEvents && stjEvents.GetArrayLength() == Payloads.BatchEvents, "batch event count differs");
        for (var i = 0; i < Payloads.BatchEvents; i++)
        {
            var (s, k) = (stjEvents[i], kiotaEvents[i]);
            foreach (var name in (string[])["project", "event_id", "event_type", "start_time", "inputs", "metrics"])
            {
                Expect(s.GetProperty(name).GetRawText() == k.GetProperty(name).GetRawText(), $"batch event {i}: {name} differs");
            }
        }

        Expect(kiota.RootElement.GetProperty("session_properties").GetProperty("session_id").GetString()
            == stj.RootElement.GetProperty("session_properties").GetProperty("session_id").GetString(), "session_properties differ");
    }

    private static void CheckRequests()
    {
        using var builders = new RequestBuilders();
        using var stjGet = builders.StjGet();
        var kiotaGet = builders.KiotaGet();
        Expect(kiotaGet.AbsolutePath == stjGet.RequestUri!.AbsolutePath, $"GET path {kiotaGet.AbsolutePath}");
        var filters = JsonDocument.Parse(QueryValue(kiotaGet, "filters")).RootElement;
        Expect(filters.GetArrayLength() == 2 && filters[1].GetProperty("operator").GetString() == "greater than", "GET filters differ");
        var dateRange = JsonDocument.Parse(QueryValue(kiotaGet, "dateRange")).RootElement;
        Expect(dateRange.GetProperty("$gte").GetDateTimeOffset() == new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero), "GET dateRange differs");
        Expect(QueryValue(kiotaGet, "project") == RequestInputs.Project && QueryValue(kiotaGet, "limit") == "100", "GET project/limit differ");

        using var stjExport = builders.StjExport();
        Expect(builders.KiotaExport() == stjExport.RequestUri, "export URI differs");
        using var stjBatch = builders.StjBatch();
        Expect(builders.KiotaBatch() == stjBatch.RequestUri, "batch URI differs");
    }

    private static string QueryValue(Uri uri, string name)
    {
        foreach (var pair in uri.Query.TrimStart('?').Split('&'))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (pair[..separator] == name)
            {
                return Uri.UnescapeDataString(pair[(separator + 1)..]);
            }
        }

        throw new InvalidOperationException($"self-check failed: no {name} in {uri}");
    }

    private static void Expect(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException("self-check failed: " + failure);
        }
    }
}
