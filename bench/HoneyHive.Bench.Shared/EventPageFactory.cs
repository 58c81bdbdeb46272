using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HoneyHive.Bench.Shared;

/// <summary>
/// Generates realistic HoneyHive event JSON shaped like the API seeds, deterministically.
/// </summary>
/// <remarks>
/// Every method starts a fresh <see cref="Random"/> from the seed, so the bytes are a pure
/// function of (seed, eventCount): runs, machines and both sides of a comparison read
/// exactly the same payload. Output is written with <see cref="Utf8JsonWriter"/> (no
/// reflection) and relaxed escaping, because a real server does not escape apostrophes or
/// non-ASCII text and escaping would change the parser's work.
/// </remarks>
public sealed class EventPageFactory(int seed = 20240401)
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public int Seed { get; } = seed;

    /// <summary>A GET /events or POST /events/export answer: <c>{"events":[...],"totalEvents":N}</c>.</summary>
    /// <remarks>totalEvents is larger than the page, as for a real first page of many.</remarks>
    public byte[] CreatePageJson(int eventCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eventCount);
        var random = new Random(Seed);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("events");
            var session = NewGuid(random);
            for (var i = 0; i < eventCount; i++)
            {
                // A new session every few events, as a trace of several calls would look.
                if (i % 5 == 0) session = NewGuid(random);
                WriteEvent(writer, random, session, forBatch: false);
            }
            writer.WriteEndArray();
            writer.WriteNumber("totalEvents", eventCount * 7L + random.Next(0, 7));
            writer.WriteEndObject();
        });
    }

    /// <summary>A POST /events/batch body: <c>project</c> instead of <c>project_id</c>, Unix-ms times.</summary>
    public byte[] CreateBatchRequestJson(int eventCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eventCount);
        var random = new Random(Seed);
        return Write(writer =>
        {
            var session = NewGuid(random);
            writer.WriteStartObject();
            writer.WriteStartArray("events");
            for (var i = 0; i < eventCount; i++) WriteEvent(writer, random, session, forBatch: true);
            writer.WriteEndArray();
            writer.WriteBoolean("is_single_session", true);
            writer.WriteStartObject("session_properties");
            writer.WriteString("session_name", "Playground Session");
            writer.WriteString("source", Pick(random, Sources));
            writer.WriteString("session_id", session);
            WriteInputs(writer, random);
            WriteOutputs(writer, random);
            writer.WriteNull("error");
            writer.WriteStartObject("metrics");
            writer.WriteEndObject();
            writer.WriteStartObject("feedback");
            writer.WriteEndObject();
            writer.WriteStartObject("metadata");
            writer.WriteEndObject();
            WriteUserProperties(writer, random);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary>A 200 POST /events/batch answer: <c>{"event_ids":[...],"session_id":...,"success":true}</c>.</summary>
    public byte[] CreateBatchResponseJson(int eventCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eventCount);
        var random = new Random(Seed);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("event_ids");
            for (var i = 0; i < eventCount; i++) writer.WriteStringValue(NewGuid(random));
            writer.WriteEndArray();
            writer.WriteString("session_id", NewGuid(random));
            writer.WriteBoolean("success", true);
            writer.WriteEndObject();
        });
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) body(writer);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteEvent(Utf8JsonWriter writer, Random random, string session, bool forBatch)
    {
        var eventType = Pick(random, EventTypes);
        var eventId = NewGuid(random);
        writer.WriteStartObject();
        if (forBatch) writer.WriteString("project", Pick(random, ProjectNames));
        else writer.WriteString("project_id", HexId(random));
        writer.WriteString("source", Pick(random, Sources));
        writer.WriteString("session_id", session);
        writer.WriteString("event_id", eventId);
        // A session event is the root of its trace; everything else hangs under the session.
        if (eventType == "session") writer.WriteNull("parent_id");
        else writer.WriteString("parent_id", session);
        writer.WriteString("event_type", eventType);
        writer.WriteString("event_name", EventName(eventType, random));
        WriteConfig(writer, random);
        writer.WriteStartArray("children_ids");
        if (eventType is "session" or "chain")
        {
            var children = random.Next(1, 5);
            for (var c = 0; c < children; c++) writer.WriteStringValue(NewGuid(random));
        }
        writer.WriteEndArray();
        WriteInputs(writer, random);
        WriteOutputs(writer, random);
        // Roughly one event in twenty failed; the rest carry an explicit null as the seeds do.
        if (random.Next(20) == 0) writer.WriteString("error", Pick(random, Errors));
        else writer.WriteNull("error");

        var duration = Math.Round(random.NextDouble() * 4000 + 50, 4);
        var start = BaseTime.AddSeconds(random.Next(0, 90 * 24 * 3600));
        var end = start.AddMilliseconds(duration);
        if (forBatch)
        {
            writer.WriteNumber("start_time", start.ToUnixTimeMilliseconds());
            writer.WriteNumber("end_time", end.ToUnixTimeMilliseconds());
        }
        else
        {
            writer.WriteString("start_time", start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            writer.WriteString("end_time", end.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        }
        writer.WriteNumber("duration", duration);

        var prompt = random.Next(20, 2000);
        var completion = random.Next(5, 800);
        writer.WriteStartObject("metadata");
        writer.WriteNumber("cost", Math.Round((prompt * 0.0000015) + (completion * 0.000002), 6));
        writer.WriteNumber("completion_tokens", completion);
        writer.WriteNumber("prompt_tokens", prompt);
        writer.WriteNumber("total_tokens", prompt + completion);
        writer.WriteEndObject();

        writer.WriteStartObject("feedback");
        if (random.Next(4) == 0)
        {
            writer.WriteNumber("rating", random.Next(1, 6));
            writer.WriteString("comment", Sentence(random, 6, 18));
        }
        writer.WriteEndObject();

        // Numbers beside their string explanations, as HoneyHive evaluators report them.
        writer.WriteStartObject("metrics");
        writer.WriteNumber("Answer Faithfulness", random.Next(1, 6));
        writer.WriteString("Answer Faithfulness_explanation", Sentence(random, 25, 60));
        writer.WriteNumber("Number of words", random.Next(3, 400));
        if (random.Next(2) == 0) writer.WriteNumber("Context Relevance", Math.Round(random.NextDouble(), 3));
        writer.WriteEndObject();

        WriteUserProperties(writer, random);
        writer.WriteEndObject();
    }

    private static void WriteConfig(Utf8JsonWriter writer, Random random)
    {
        var (model, provider) = Models[random.Next(Models.Length)];
        writer.WriteStartObject("config");
        writer.WriteString("model", model);
        writer.WriteString("version", "v0." + random.Next(1, 9) + (random.Next(3) == 0 ? " - Fork" : ""));
        writer.WriteString("provider", provider);
        writer.WriteStartObject("hyperparameters");
        writer.WriteNumber("temperature", Math.Round(random.NextDouble(), 1));
        writer.WriteNumber("top_p", 1);
        writer.WriteNumber("max_tokens", random.Next(1, 9) * 250);
        writer.WriteNumber("presence_penalty", 0);
        writer.WriteNumber("frequency_penalty", 0);
        writer.WriteStartArray("stop");
        writer.WriteEndArray();
        writer.WriteNumber("n", 1);
        writer.WriteEndObject();
        writer.WriteStartArray("template");
        WriteMessage(writer, "system", "Answer the user's question only using provided context.\n\nContext: {{ context }}");
        WriteMessage(writer, "user", "{{question}}");
        writer.WriteEndArray();
        writer.WriteString("type", "chat");
        writer.WriteEndObject();
    }

    private static void WriteInputs(Utf8JsonWriter writer, Random random)
    {
        var context = Sentence(random, 5, 40);
        var question = Question(random);
        writer.WriteStartObject("inputs");
        writer.WriteString("context", context);
        writer.WriteString("question", question);
        writer.WriteStartArray("chat_history");
        WriteMessage(writer, "system", "Answer the user's question only using provided context.\n\nContext: " + context);
        // Earlier turns of the conversation: 0 to 2 user/assistant pairs before the question.
        var turns = random.Next(0, 3);
        for (var t = 0; t < turns; t++)
        {
            WriteMessage(writer, "user", Question(random));
            WriteMessage(writer, "assistant", Sentence(random, 8, 30));
        }
        WriteMessage(writer, "user", question);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteOutputs(Utf8JsonWriter writer, Random random)
    {
        writer.WriteStartObject("outputs");
        writer.WriteString("role", "assistant");
        writer.WriteString("content", Sentence(random, 3, 50));
        writer.WriteEndObject();
    }

    private static void WriteUserProperties(Utf8JsonWriter writer, Random random)
    {
        writer.WriteStartObject("user_properties");
        writer.WriteString("user", "google-oauth2|" + random.NextInt64(100_000_000_000_000_000, 999_999_999_999_999_999).ToString(CultureInfo.InvariantCulture) + random.Next(100, 1000).ToString(CultureInfo.InvariantCulture));
        writer.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter writer, string role, string content)
    {
        writer.WriteStartObject();
        writer.WriteString("role", role);
        writer.WriteString("content", content);
        writer.WriteEndObject();
    }

    private static string EventName(string eventType, Random random) => eventType switch
    {
        "model" => "Model Completion",
        "tool" => Pick(random, ["Vector Search", "Web Search", "SQL Query", "Rerank"]),
        "chain" => Pick(random, ["RAG Pipeline", "Retrieval", "Answer Synthesis"]),
        _ => "Playground Session",
    };

    private static string Question(Random random) => Pick(random, Questions);

    private static string Sentence(Random random, int minWords, int maxWords)
    {
        var words = random.Next(minWords, maxWords + 1);
        var parts = new string[words];
        for (var i = 0; i < words; i++) parts[i] = Words[random.Next(Words.Length)];
        return string.Join(' ', parts) + ".";
    }

    private static string NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 and RFC 4122 variant,
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // like the ids the API hands out
        return new Guid(bytes).ToString("D");
    }

    private static string HexId(Random random)
    {
        Span<byte> bytes = stackalloc byte[12]; // a 24-hex-digit object id, like project_id
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static readonly DateTimeOffset BaseTime = new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] EventTypes = ["model", "model", "model", "tool", "chain", "session"];
    private static readonly string[] Sources = ["playground", "production", "evaluation", "sdk-python"];
    private static readonly string[] ProjectNames = ["Simple RAG", "Support Bot", "New Project"];
    private static readonly string[] Errors = ["RateLimitError: 429 Too Many Requests", "Timeout after 30000 ms", "Invalid JSON in tool output"];
    private static readonly (string Model, string Provider)[] Models =
        [("gpt-3.5-turbo", "openai"), ("gpt-4o", "openai"), ("claude-3-haiku", "anthropic"), ("llama-3-70b", "together")];
    private static readonly string[] Questions =
    [
        "What is in the context?",
        "How do I rotate an API key?",
        "Which plan includes SSO?",
        "Summarise the refund policy in two sentences.",
        "Why did my export time out?",
        "Can I filter events by user?",
    ];
    private static readonly string[] Words =
    [
        "the", "assistant's", "answer", "is", "a", "concise", "and", "accurate", "description", "of",
        "Ramp's", "API", "it", "provides", "clear", "explanation", "what", "does", "how", "developers",
        "can", "use", "to", "integrate", "financial", "services", "into", "their", "own", "applications",
        "faithful", "provided", "context", "Hello", "world", "events", "session", "latency", "tokens", "café",
    ];
}
