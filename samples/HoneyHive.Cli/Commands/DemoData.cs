using System.Text.Json;
using System.Text.Json.Nodes;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Cli.Commands;

/// <summary>The demo's events: the batch from the API's own endpoint page, plus generated ones drawn
/// from a fixed seed so every run prints the same figures.</summary>
internal static class DemoData
{
    public const string Project = "Simple RAG";

    // The request body on the POST /events/batch page, verbatim.
    private const string SeedBatch = """
        {
          "events": [
            {
              "project": "Simple RAG", "event_type": "model", "event_name": "Model Completion", "source": "playground",
              "session_id": "caf77ace-3417-4da4-944d-f4a0688f3c23", "event_id": "7f22137a-6911-4ed3-bc36-110f1dde6b66",
              "parent_id": "caf77ace-3417-4da4-944d-f4a0688f3c23", "children_ids": [],
              "config": { "model": "gpt-3.5-turbo", "version": "v0.1", "provider": "openai",
                "hyperparameters": { "temperature": 0, "top_p": 1, "max_tokens": 1000, "presence_penalty": 0, "frequency_penalty": 0, "stop": [], "n": 1 },
                "template": [ { "role": "system", "content": "Answer the user's question only using provided context. Context: {{ context }}" }, { "role": "user", "content": "{{question}}" } ],
                "type": "chat" },
              "inputs": { "context": "Hello world", "question": "What is in the context?",
                "chat_history": [ { "role": "system", "content": "Answer the user's question only using provided context. Context: Hello world" }, { "role": "user", "content": "What is in the context?" } ] },
              "outputs": { "role": "assistant", "content": "Hello world" }, "error": null,
              "start_time": 1714978764301, "end_time": 1714978765301, "duration": 999.8056,
              "metadata": { "cost": 0.00008, "completion_tokens": 23, "prompt_tokens": 35, "total_tokens": 58 },
              "feedback": {},
              "metrics": { "Answer Faithfulness": 5, "Answer Faithfulness_explanation": "The AI assistant's answer is a concise and accurate description of Ramp's API. It provides a clear explanation of what the API does and how developers can use it to integrate Ramp's financial services into their own applications. The answer is faithful to the provided context.", "Number of words": 18 },
              "user_properties": { "user": "google-oauth2|111840237613341303366" }
            }
          ],
          "is_single_session": true,
          "session_properties": {
            "source": "playground", "session_name": "Playground Session", "session_id": "caf77ace-3417-4da4-944d-f4a0688f3c23",
            "inputs": { "context": "Hello world", "question": "What is in the context?",
              "chat_history": [ { "role": "system", "content": "Answer the user's question only using provided context. Context: Hello world" }, { "role": "user", "content": "What is in the context?" } ] },
            "outputs": { "role": "assistant", "content": "Hello world" }, "error": null,
            "metrics": {}, "feedback": {}, "metadata": {}, "user_properties": { "user": "google-oauth2|111840237613341303366" }
          }
        }
        """;

    private static readonly string[] Models = ["gpt-4o-mini", "gpt-4o", "claude-3-5-sonnet"];
    private static readonly string[] Tools = ["vector_search", "web_search", "sql_query"];

    public static BatchEventsRequest SeedBatchRequest() =>
        new HoneyHiveJsonParseNode(JsonDocument.Parse(SeedBatch).RootElement).GetObjectValue(BatchEventsRequest.CreateFromDiscriminatorValue);

    public static List<CreateEventRequest> Generate(int count)
    {
        var random = new Random(20240401);
        var start = new DateTimeOffset(2024, 5, 6, 9, 0, 0, TimeSpan.Zero);
        var events = new List<CreateEventRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var type = (CreateEventType)(random.Next(3));
            var duration = Math.Round(20 + (random.NextDouble() * 1500), 3);
            var e = new CreateEventRequest
            {
                Project = Project,
                Source = "demo",
                EventType = type,
                EventName = type switch
                {
                    CreateEventType.Model => "Model Completion",
                    CreateEventType.Tool => Tools[random.Next(Tools.Length)],
                    _ => "RAG pipeline",
                },
                Config = new JsonObject { ["model"] = Models[random.Next(Models.Length)], ["provider"] = "openai" }.ToUntypedNode(),
                Inputs = new JsonObject { ["question"] = $"Question {i}", ["chat_history"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = $"Question {i}" }) }.ToUntypedNode(),
                Outputs = new JsonObject { ["content"] = $"Answer {i}" }.ToUntypedNode(),
                StartTime = start.AddSeconds(i * 30),
                EndTime = start.AddSeconds(i * 30).AddMilliseconds(duration),
                Duration = duration,
                UserProperties = new JsonObject { ["user"] = $"user-{random.Next(50)}" }.ToUntypedNode(),
            };
            if (type == CreateEventType.Model)
            {
                var tokens = random.Next(50, 4000);
                e.Metadata = new JsonObject { ["cost"] = Math.Round(tokens * 0.0000015, 7), ["total_tokens"] = tokens }.ToUntypedNode();
                e.Metrics = new JsonObject { ["Answer Faithfulness"] = random.Next(1, 6) }.ToUntypedNode();
            }

            events.Add(e);
        }

        return events;
    }
}
