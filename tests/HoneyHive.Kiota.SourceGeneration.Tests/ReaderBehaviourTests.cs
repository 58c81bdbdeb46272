namespace HoneyHive.Kiota.SourceGeneration.Tests;

/// <summary>Readers the generator emits, compiled and run: the list shapes beyond Kiota's strings.</summary>
public class ReaderBehaviourTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using HoneyHive.Kiota.Serialization;
        using Microsoft.Kiota.Abstractions.Extensions;
        using Microsoft.Kiota.Abstractions.Serialization;

        namespace Shapes;

        [global::System.CodeDom.Compiler.GeneratedCode("Kiota", "1.0.0")]
        public partial class Lists : IAdditionalDataHolder, IParsable
        {
            public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();
            public List<int>? Counts { get; set; }
            public List<double>? Scores { get; set; }
            public List<DayOfWeek?>? Days { get; set; }

            public static Lists CreateFromDiscriminatorValue(IParseNode parseNode)
            {
                if (ReferenceEquals(parseNode, null)) throw new ArgumentNullException(nameof(parseNode));
                return new Lists();
            }

            public virtual IDictionary<string, Action<IParseNode>> GetFieldDeserializers()
            {
                return new Dictionary<string, Action<IParseNode>>
                {
                    { "counts", n => { Counts = n.GetCollectionOfPrimitiveValues<int>()?.AsList(); } },
                    { "scores", n => { Scores = n.GetCollectionOfPrimitiveValues<double>()?.AsList(); } },
                    { "days", n => { Days = n.GetCollectionOfEnumValues<DayOfWeek>()?.AsList(); } },
                };
            }

            public virtual void Serialize(ISerializationWriter writer) { }
        }

        public static class Probe
        {
            public static string Read(string json)
            {
                var model = new HoneyHiveJsonParseNode(JsonDocument.Parse(json).RootElement).GetObjectValue(Lists.CreateFromDiscriminatorValue);
                return string.Join("|",
                    Show(model.Counts), Show(model.Scores), Show(model.Days),
                    string.Join(",", model.AdditionalData.Keys), ((object)model is IJsonElementParsable).ToString());
            }

            private static string Show<T>(List<T>? items) => items is null ? "null" : string.Join(",", items);
        }
        """;

    [Theory]
    [InlineData("""{"counts":[1,2],"scores":[0.5,2],"days":["Monday","Friday"]}""", "1,2|0.5,2|Monday,Friday||True")]
    [InlineData("""{"counts":[],"scores":null,"days":[]}""", "|null|||True")]
    [InlineData("""{"counts":[1,"two"],"scores":"high","days":["Someday"]}""", "null|null|null|counts,scores,days|True")]
    public void Lists_of_numbers_and_enums_are_read_and_misfits_kept(string json, string expected)
    {
        var (compilation, run) = CompilationHelper.RunGenerator(CompilationHelper.Compile([("Lists.cs", Source)], "Shapes"));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(CompilationHelper.Problems(compilation));
        var probe = CompilationHelper.Load(compilation).GetType("Shapes.Probe", throwOnError: true)!.GetMethod("Read")!;

        Assert.Equal(expected, (string)probe.Invoke(null, [json])!);
    }
}
