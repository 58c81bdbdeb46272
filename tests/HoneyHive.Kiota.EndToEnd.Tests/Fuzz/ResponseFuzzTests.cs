using System.Globalization;
using System.Net;
using System.Text;
using HoneyHive.Kiota.EndToEnd.Tests.Support;
using HoneyHive.Kiota.Errors;
using HoneyHive.Kiota.Models;
using Xunit.Abstractions;

namespace HoneyHive.Kiota.EndToEnd.Tests.Fuzz;

/// <summary>
/// Mutated GET /events and export bodies served as HTTP 200 application/json through HoneyHiveClient:
/// each must give a parsed <see cref="EventList"/> or <see cref="HoneyHiveResponseFormatException"/>,
/// nothing else. A fixed seed and 2,000 iterations in CI; HH_FUZZ_ITERATIONS and HH_FUZZ_SEED run
/// longer or elsewhere. Each iteration has its own Random derived from (seed, iteration), so a
/// failure reproduces from the two numbers it prints.
/// </summary>
public sealed class ResponseFuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20240401;
    private const int DefaultIterations = 2000;
    private const int BodyExcerptLength = 600;

    [Fact]
    public async Task Mutated_bodies_parse_or_throw_ResponseFormat_only()
    {
        var seed = Setting("HH_FUZZ_SEED", DefaultSeed);
        var iterations = Setting("HH_FUZZ_ITERATIONS", DefaultIterations);
        var handler = new SwitchableResponseHandler();
        using var client = Clients.ForHandler(handler);
        int parsed = 0, rejected = 0;

        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var random = new Random(HashCode.Combine(seed, iteration));
            var source = SeedBodies.All[iteration % SeedBodies.All.Count];
            var (body, mutation) = Mutator.Mutate(source, random);
            handler.Body = body;
            try
            {
                var list = iteration % 2 == 0
                    ? await Reads.GetPageAsync(client)
                    : await Reads.ExportPageAsync(client);
                Assert.NotNull(list);
                parsed++;
            }
            catch (HoneyHiveResponseFormatException ex)
            {
                Assert.Equal(200, ex.ResponseStatusCode);
                rejected++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"""
                    Fuzz failure: HH_FUZZ_SEED={seed}, iteration {iteration} ({mutation}) threw {ex.GetType().FullName}.
                    Body ({body.Length} bytes, first {BodyExcerptLength}): {Printable(body)}
                    {ex}
                    """);
            }
        }

        output.WriteLine($"seed {seed}: {iterations} iterations, {parsed} parsed, {rejected} rejected as HoneyHiveResponseFormatException");
        // Both outcomes must actually occur, or the mutations are too weak (or too strong) to test anything.
        Assert.True(parsed > iterations / 20, $"only {parsed} of {iterations} mutated bodies parsed");
        Assert.True(rejected > iterations / 20, $"only {rejected} of {iterations} mutated bodies were rejected");
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    // Control characters and invalid UTF-8 escaped, so the failure message itself is readable and copyable.
    private static string Printable(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, BodyExcerptLength));
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) || c == '\uFFFD' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return builder.ToString();
    }

    private sealed class SwitchableResponseHandler : HttpMessageHandler
    {
        public byte[] Body { get; set; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(Body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
