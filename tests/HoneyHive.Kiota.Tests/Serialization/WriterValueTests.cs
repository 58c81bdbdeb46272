using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace HoneyHive.Kiota.Tests.Serialization;

/// <summary>
/// Values of every kind Kiota's writer has a rule for come out byte for byte as Kiota's <see cref="JsonSerializationWriter"/>
/// writes them; where this writer deliberately differs (no reflection, no System.Xml), the difference is pinned.
/// </summary>
public sealed class WriterValueTests
{
    public static TheoryData<string, object?> KiotasRules => new()
    {
        { "string", "a \"quoted\" é <tag>" },
        { "bool", true },
        { "byte", (byte)200 },
        { "sbyte", (sbyte)-7 },
        { "int", int.MinValue },
        { "float", 0.1f },
        { "long", long.MaxValue },
        { "double", 8e-05 },
        { "decimal", 1.10m },
        { "Guid", Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e") },
        { "TimeSpan", new TimeSpan(1, 2, 3, 4, 567) },
        { "negative TimeSpan", -TimeSpan.FromTicks(123_456_789_012) },
        { "zero TimeSpan", TimeSpan.Zero },
        { "TimeSpan.MinValue", TimeSpan.MinValue },
        { "Date", new Date(2024, 4, 1) },
        { "Time", new Time(22, 38, 19) },
        { "null", null },
        { "JsonElement", JsonDocument.Parse("""{"a":[1,2.50,null]}""").RootElement },
        { "list of objects", new List<object?> { 1, "two", null, 2.5, TimeSpan.FromMinutes(90), new Date(2020, 1, 2) } },
        { "free-form node", new UntypedObject(new Dictionary<string, UntypedNode> { ["k"] = new UntypedArray([new UntypedLong(5), new UntypedNull()]) }) },
        { "model", new EventFilter { Field = "a", Operator = EventFilterOperator.IsNot, Type = EventFilterType.String, Value = "b" } },
    };

    [Theory]
    [MemberData(nameof(KiotasRules))]
    public void Additional_data_is_written_as_Kiotas_writer_writes_it(string kind, object? value)
    {
        var model = new EventFilter { AdditionalData = { [kind] = value! } };

        Assert.Equal(Write(new JsonSerializationWriter(), model), Write(new HoneyHiveJsonSerializationWriter(), model));
    }

    [Fact]
    public void Flags_and_plain_enums_and_their_lists_are_written_as_Kiotas_writer_writes_them()
    {
        for (var bits = 0; bits < 16; bits++)
        {
            var access = (Access)bits;
            Assert.Equal(Write(new JsonSerializationWriter(), w => w.WriteEnumValue("a", (Access?)access)), Write(new HoneyHiveJsonSerializationWriter(), w => w.WriteEnumValue("a", (Access?)access)));
        }

        Action<ISerializationWriter> list = w => w.WriteCollectionOfEnumValues<Access>("list", [Access.Read, null, Access.Read | Access.Write]);
        Action<ISerializationWriter> plain = w => w.WriteCollectionOfEnumValues<Colour>("colours", [Colour.DarkRed, null, Colour.Blue]);
        Assert.Equal(Write(new JsonSerializationWriter(), list), Write(new HoneyHiveJsonSerializationWriter(), list));
        Assert.Equal(Write(new JsonSerializationWriter(), plain), Write(new HoneyHiveJsonSerializationWriter(), plain));
        Assert.Equal("""{"colours":["DarkRed","Blue"]}""", Write(new HoneyHiveJsonSerializationWriter(), plain));
    }

    [Fact]
    public void An_enum_value_the_enum_does_not_define_is_refused_naming_the_field_as_Kiotas_writer_refuses_it()
    {
        Assert.ThrowsAny<ArgumentException>(() => Write(new JsonSerializationWriter(), w => w.WriteEnumValue("type", (EventFilterType?)(EventFilterType)99)));

        var error = Assert.ThrowsAny<ArgumentException>(() => Write(new HoneyHiveJsonSerializationWriter(), new EventFilter { Field = "a", Type = (EventFilterType)99 }));

        Assert.Equal("type", error.ParamName);
        Assert.Equal("The value at 'type' cannot be written as JSON: 99 is not a value of EventFilterType.", error.Message);
    }

    [Fact]
    public void Scalars_written_directly_match_Kiotas_writer()
    {
        Action<ISerializationWriter> scalars = w =>
        {
            w.WriteTimeSpanValue("d", new TimeSpan(400, 0, 0, 0, 1));
            w.WriteDateValue("date", new Date(1999, 12, 31));
            w.WriteTimeValue("time", new Time(0, 0, 1));
            w.WriteByteArrayValue("bytes", [0, 1, 2, 250, 255]);
            w.WriteByteArrayValue("empty", []);
            w.WriteGuidValue("id", Guid.Empty);
            w.WriteNullValue("nothing");
            w.WriteCollectionOfPrimitiveValues<int?>("ints", [1, null, 3]);
        };

        Assert.Equal(Write(new JsonSerializationWriter(), scalars), Write(new HoneyHiveJsonSerializationWriter(), scalars));
    }

    [Fact]
    public void Dictionaries_and_lists_in_additional_data_are_written_as_Kiotas_writer_writes_them_and_date_times_in_UTC()
    {
        var model = new EventFilter
        {
            AdditionalData =
            {
                ["usage"] = new Dictionary<string, object?> { ["tokens"] = 12, ["models"] = new[] { "a", "b" }, ["cost"] = null },
                ["ids"] = new List<int> { 1, 2 },
                ["raw"] = new byte[] { 1, 2, 3 },
                ["at"] = new DateTime(2024, 4, 1, 22, 38, 19, 5, DateTimeKind.Utc),
            },
        };

        Assert.Equal("""{"usage":{"tokens":12,"models":["a","b"],"cost":null},"ids":[1,2],"raw":[1,2,3],"at":"2024-04-01T22:38:19.005Z"}""", Write(new HoneyHiveJsonSerializationWriter(), model));
        foreach (var (name, value) in model.AdditionalData.Where(item => item.Key != "at"))
        {
            var one = new EventFilter { AdditionalData = { [name] = value } };
            Assert.Equal(Write(new JsonSerializationWriter(), one), Write(new HoneyHiveJsonSerializationWriter(), one));
        }
    }

    [Fact]
    public void A_value_with_no_JSON_rule_is_refused_with_its_path_and_kept_as_text_only_in_the_dead_letter_mode()
    {
        var model = new EventFilter { Field = "a", AdditionalData = { ["extra"] = new Dictionary<string, object> { ["list"] = new List<object> { 1, new Uri("https://example.com/x") } } } };

        var error = Assert.ThrowsAny<ArgumentException>(() => Write(new HoneyHiveJsonSerializationWriter(), model));

        Assert.Equal("extra.list[1]", error.ParamName);
        Assert.Equal("The value at 'extra.list[1]' cannot be written as JSON: a Uri is not a value this writer knows (primitives, models, free-form nodes, JsonElement, dictionaries and lists are).", error.Message);
        Assert.Equal("""{"field":"a","extra":{"list":[1,"https://example.com/x"]}}""", Write(new HoneyHiveJsonSerializationWriter(nonFiniteAsNames: true), model));
    }

    [Fact]
    public void A_dictionary_not_keyed_by_strings_is_refused_naming_the_field()
    {
        var model = new EventFilter { AdditionalData = { ["counts"] = new Dictionary<int, string> { [1] = "x" } } };

        var error = Assert.ThrowsAny<ArgumentException>(() => Write(new HoneyHiveJsonSerializationWriter(), model));

        Assert.Equal("counts", error.ParamName);
        Assert.Contains("a dictionary keyed by Int32 is not a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_content_is_one_stream_handed_out_once_and_nothing_can_be_written_after()
    {
        using var writer = new HoneyHiveJsonSerializationWriter();
        writer.WriteObjectValue(null, new EventFilter { Field = "a" });

        var first = writer.GetSerializedContent();
        first.ReadByte();
        var second = writer.GetSerializedContent();

        Assert.Same(first, second);
        Assert.Equal(0, second.Position);
        Assert.False(second.CanWrite);
        Assert.Equal("""{"field":"a"}""", Encoding.UTF8.GetString(((MemoryStream)second).ToArray()));
        Assert.Throws<InvalidOperationException>(() => writer.WriteObjectValue(null, new EventFilter { Field = "b" }));
        second.Dispose();
        Assert.Throws<ObjectDisposedException>(() => second.ReadByte());
    }

    [Fact]
    public void A_body_larger_than_the_first_buffer_is_written_whole()
    {
        var events = Enumerable.Range(0, 2_000).Select(i => new CreateEventRequest { EventId = $"ev-{i}", EventName = new string('x', i % 50), Duration = i / 3.0 }).ToList();
        var body = new BatchEventsRequest { Events = events };

        Assert.Equal(Write(new JsonSerializationWriter(), body), Write(new HoneyHiveJsonSerializationWriter(), body));
    }

    [Flags]
    public enum Access
    {
        [EnumMember(Value = "none")]
        None = 0,
        [EnumMember(Value = "read")]
        Read = 1,
        [EnumMember(Value = "write")]
        Write = 2,
        [EnumMember(Value = "admin")]
        Admin = 4,
    }

    public enum Colour
    {
        DarkRed,
        Blue,
    }

    private static string Write(ISerializationWriter writer, IParsable model)
    {
        using (writer)
        {
            writer.WriteObjectValue(null, model);
            using var reader = new StreamReader(writer.GetSerializedContent());
            return reader.ReadToEnd();
        }
    }

    private static string Write(ISerializationWriter writer, Action<ISerializationWriter> write) => Write(writer, new Wrapper(write));

    // Writes arbitrary properties inside one object, so both writers produce a whole JSON document.
    private sealed class Wrapper(Action<ISerializationWriter> write) : IParsable
    {
        public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>();

        public void Serialize(ISerializationWriter writer) => write(writer);
    }
}
