using HoneyHive.Kiota.Filters;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;
using Xunit;

namespace HoneyHive.Kiota.Tests.Filters;

public sealed class EventFilterParserTests
{
    [Theory]
    [InlineData("event_type is model", "event_type", "is", "model", "string")]
    [InlineData("metadata.cost greater than 0.01:number", "metadata.cost", "greater than", "0.01", "number")]
    [InlineData("inputs.chat_history.0.content contains hello world", "inputs.chat_history.0.content", "contains", "hello world", "string")]
    [InlineData("outputs.content not contains  spaced   out  ", "outputs.content", "not contains", "spaced   out", "string")]
    [InlineData("event_type is not tool", "event_type", "is not", "tool", "string")]
    [InlineData("metadata.cached IS true:boolean", "metadata.cached", "is", "true", "boolean")]
    [InlineData("metadata.cached is not FALSE:Boolean", "metadata.cached", "is not", "false", "boolean")]
    [InlineData("project_id is 65e0fc2d6a2eb95f55a92cbc:id", "project_id", "is", "65e0fc2d6a2eb95f55a92cbc", "id")]
    [InlineData("metrics.Answer Faithfulness greater than 3:number", "metrics.Answer Faithfulness", "greater than", "3", "number")]
    [InlineData("metadata.total_tokens greater than 1e3:number", "metadata.total_tokens", "greater than", "1000", "number")]
    [InlineData("metadata.cost is 0.10:number", "metadata.cost", "is", "0.10", "number")]
    [InlineData("user_properties.user is 123", "user_properties.user", "is", "123", "string")]
    [InlineData("source is https://example.com", "source", "is", "https://example.com", "string")]
    [InlineData("outputs.content contains tag:id:string", "outputs.content", "contains", "tag:id", "string")]
    [InlineData("outputs.status is done:ok:string", "outputs.status", "is", "done:ok", "string")]
    [InlineData("metadata.started is 10:30", "metadata.started", "is", "10:30", "string")]
    [InlineData("event_name contains is", "event_name", "contains", "is", "string")]
    [InlineData("\tevent_type\tis\tchain\t", "event_type", "is", "chain", "string")]
    public void Valid_text_parses(string text, string field, string op, string value, string type)
    {
        var filter = EventFilters.Parse(text);
        Assert.Equal(field, filter.Field);
        Assert.Equal(op, EnumWireNames.Of(filter.Operator!.Value));
        Assert.Equal(value, filter.Value);
        Assert.Equal(type, EnumWireNames.Of(filter.Type!.Value));
        Assert.True(EventFilters.TryParse(text, out var again));
        Assert.Equal(filter.Value, again.Value);
    }

    [Fact]
    public void An_unknown_type_lists_the_types()
    {
        var error = Assert.Throws<EventFilterFormatException>(() => EventFilters.Parse("metadata.cost greater than 0.09:float"));

        Assert.StartsWith("Invalid filter \"metadata.cost greater than 0.09:float\": \":float\" is not a type (the types are string, number, boolean, id; to end a string value with \":float\", append \":string\").", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", EventFilterFormatError.Empty)]
    [InlineData("   ", EventFilterFormatError.Empty)]
    [InlineData("event_type", EventFilterFormatError.MissingOperator)]
    [InlineData("event_type equals model", EventFilterFormatError.MissingOperator)]
    [InlineData("is model", EventFilterFormatError.InvalidField)]
    [InlineData("metadata..cost is 1", EventFilterFormatError.InvalidField)]
    [InlineData("event_type is", EventFilterFormatError.MissingValue)]
    [InlineData("event_type is not", EventFilterFormatError.MissingValue)]
    [InlineData("event_type is :string", EventFilterFormatError.MissingValue)]
    [InlineData("metadata.cost greater than cheap:number", EventFilterFormatError.InvalidValue)]
    [InlineData("metadata.cost greater than 0,01:number", EventFilterFormatError.InvalidValue)]
    [InlineData("metadata.cost greater than NaN:number", EventFilterFormatError.InvalidValue)]
    [InlineData("metadata.cached is yes:boolean", EventFilterFormatError.InvalidValue)]
    [InlineData("project_id is 65e0 fc2d:id", EventFilterFormatError.InvalidValue)]
    [InlineData("metadata.cost greater than 0.09:float", EventFilterFormatError.UnknownType)]
    [InlineData("metadata.tokens is 5:int", EventFilterFormatError.UnknownType)]
    public void Invalid_text_names_what_is_wrong(string text, EventFilterFormatError expected)
    {
        var error = Assert.Throws<EventFilterFormatException>(() => EventFilters.Parse(text));
        Assert.Equal(expected, error.Error);
        Assert.Equal(text, error.Input);
        Assert.Contains($"\"{text}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("<field> <operator> <value>[:<type>]", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(error);
        Assert.False(EventFilters.TryParse(text, out _));
    }

    [Fact]
    public void Null_text_throws_argument_null() =>
        Assert.Throws<ArgumentNullException>(() => EventFilterParser.Parse(null!));

    [Fact]
    public void Error_messages_are_specific()
    {
        var error = Assert.Throws<EventFilterFormatException>(() => EventFilters.Parse("metadata.cost greater than cheap:number"));
        Assert.Contains("\"cheap\" is not a number", error.Message, StringComparison.Ordinal);
    }
}
