using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoneyHive.Kiota.Testing.Tests;

public class RandomFaultTests
{
    private static readonly TimeSpan Spike = TimeSpan.FromMilliseconds(200);

    public static TheoryData<RandomFaultKinds> SingleKinds =>
    [
        RandomFaultKinds.RateLimited,
        RandomFaultKinds.ServerError,
        RandomFaultKinds.BadGateway,
        RandomFaultKinds.Unavailable,
        RandomFaultKinds.ConnectionFailure,
        RandomFaultKinds.ResetAfterProcessing,
        RandomFaultKinds.TruncatedBody,
        RandomFaultKinds.LatencySpike,
    ];

    private static (InMemoryHoneyHive Fake, InstantDelays Clock) Fake()
    {
        var clock = new InstantDelays();
        return (new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { TimeProvider = clock }), clock);
    }

    private static RandomFaultOptions Chaos(double probability, RandomFaultKinds kinds = RandomFaultKinds.All, int seed = 1) =>
        new() { Seed = seed, Probability = probability, Kinds = kinds, RetryAfter = TimeSpan.FromSeconds(3), LatencySpike = Spike };

    [Theory]
    [MemberData(nameof(SingleKinds))]
    public async Task Probability_one_with_one_kind_gives_that_fault_every_time(RandomFaultKinds kind)
    {
        var (fake, clock) = Fake();
        using var _ = fake;
        using var client = Api.Client(fake);
        fake.Faults.InjectRandomFaults(Chaos(1, kind));

        var seen = new List<RandomFaultKinds?>();
        for (var i = 0; i < 20; i++)
        {
            seen.Add(await Observe(client, clock, i));
        }

        Assert.All(seen, observed => Assert.Equal(kind, observed));
        Assert.Equal(new Dictionary<RandomFaultKinds, int> { [kind] = 20 }, fake.Faults.InjectedFaults);
        Assert.Equal(20, fake.Faults.InjectedFaultTotal);
        Assert.Equal(0, fake.Faults.Pending);
        // Status faults and refused connections come before processing; the rest after.
        var processed = kind is RandomFaultKinds.ResetAfterProcessing or RandomFaultKinds.TruncatedBody or RandomFaultKinds.LatencySpike;
        Assert.Equal(processed ? 20 : 0, fake.Events.Count);
        Assert.Equal(kind == RandomFaultKinds.LatencySpike ? Enumerable.Repeat(Spike, 20) : [], clock.Delays);
    }

    [Fact]
    public async Task Probability_zero_gives_no_fault()
    {
        var (fake, clock) = Fake();
        using var _ = fake;
        using var client = Api.Client(fake);
        fake.Faults.InjectRandomFaults(Chaos(0));

        for (var i = 0; i < 100; i++)
        {
            Assert.Null(await Observe(client, clock, i));
        }

        Assert.Empty(fake.Faults.InjectedFaults);
        Assert.Equal(0, fake.Faults.InjectedFaultTotal);
        Assert.Equal(100, fake.Events.Count);
    }

    [Fact]
    public async Task Same_seed_and_request_order_give_the_same_faults()
    {
        var first = await Sequence(seed: 7);
        var again = await Sequence(seed: 7);
        var other = await Sequence(seed: 8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.True(first.Distinct().Count() >= 6, "a 50% mix over eight kinds shows most of them in 200 requests");

        static async Task<List<RandomFaultKinds?>> Sequence(int seed)
        {
            var (fake, clock) = Fake();
            using var _ = fake;
            using var client = Api.Client(fake);
            fake.Faults.InjectRandomFaults(Chaos(0.5, seed: seed));
            var seen = new List<RandomFaultKinds?>();
            for (var i = 0; i < 200; i++)
            {
                seen.Add(await Observe(client, clock, i));
            }

            return seen;
        }
    }

    [Fact]
    public async Task About_one_request_in_ten_faults_at_probability_0_1()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.InjectRandomFaults(new RandomFaultOptions { Seed = 2024, Kinds = RandomFaultKinds.ServerError });

        var faulted = 0;
        for (var i = 0; i < 1000; i++)
        {
            using var response = await client.PostAsync("events/export", Api.Json(Api.Export("p")));
            faulted += response.StatusCode == HttpStatusCode.InternalServerError ? 1 : 0;
        }

        // The documented draw: one NextDouble per request, and one Next(kinds) per fault.
        var random = new Random(2024);
        var expected = 0;
        for (var i = 0; i < 1000; i++)
        {
            if (random.NextDouble() < 0.1)
            {
                expected++;
                random.Next(1);
            }
        }

        Assert.Equal(expected, faulted);
        Assert.InRange(faulted, 30, 170);
        Assert.Equal(faulted, fake.Faults.InjectedFaultTotal);
    }

    [Fact]
    public async Task StopRandomFaults_stops_them_and_keeps_the_counts()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.InjectRandomFaults(Chaos(1, RandomFaultKinds.Unavailable));

        var during = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            during.Add((await Api.PostAsync(client, "events/export", Api.Export("p"))).Status);
        }

        fake.Faults.StopRandomFaults();
        var after = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            after.Add((await Api.PostAsync(client, "events/export", Api.Export("p"))).Status);
        }

        Assert.Equal([503, 503, 503], during);
        Assert.Equal([200, 200, 200], after);
        Assert.Equal(3, fake.Faults.InjectedFaultTotal);
        Assert.Equal(3, fake.Faults.InjectedFaults[RandomFaultKinds.Unavailable]);
    }

    [Fact]
    public async Task Counts_match_what_the_client_observed()
    {
        var (fake, clock) = Fake();
        using var _ = fake;
        using var client = Api.Client(fake);
        fake.Faults.InjectRandomFaults(Chaos(0.6, seed: 99));

        var observed = new Dictionary<RandomFaultKinds, int>();
        var clean = 0;
        for (var i = 0; i < 400; i++)
        {
            if (await Observe(client, clock, i) is { } kind)
            {
                observed[kind] = observed.GetValueOrDefault(kind) + 1;
            }
            else
            {
                clean++;
            }
        }

        Assert.Equal(observed, fake.Faults.InjectedFaults);
        Assert.Equal(8, observed.Count);
        Assert.Equal(400 - clean, fake.Faults.InjectedFaultTotal);
        var processed = clean
            + observed[RandomFaultKinds.ResetAfterProcessing] + observed[RandomFaultKinds.TruncatedBody] + observed[RandomFaultKinds.LatencySpike];
        Assert.Equal(processed, fake.Events.Count);
    }

    [Fact]
    public async Task Counts_stay_exact_under_concurrent_requests()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.InjectRandomFaults(Chaos(0.5, RandomFaultKinds.ServerError | RandomFaultKinds.Unavailable | RandomFaultKinds.ConnectionFailure));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(async () =>
        {
            try
            {
                using var response = await client.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event(id: $"c-{i}"))));
                return (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                return 0;
            }
        })));

        Assert.Equal(outcomes.Count(s => s != 200), fake.Faults.InjectedFaultTotal);
        Assert.Equal(outcomes.Count(s => s == 500), fake.Faults.InjectedFaults.GetValueOrDefault(RandomFaultKinds.ServerError));
        Assert.Equal(outcomes.Count(s => s == 503), fake.Faults.InjectedFaults.GetValueOrDefault(RandomFaultKinds.Unavailable));
        Assert.Equal(outcomes.Count(s => s == 0), fake.Faults.InjectedFaults.GetValueOrDefault(RandomFaultKinds.ConnectionFailure));
        Assert.Equal(outcomes.Count(s => s == 200), fake.Events.Count);
    }

    [Fact]
    public async Task Queued_rules_take_precedence_and_are_not_counted()
    {
        var (fake, clock) = Fake();
        using var _ = fake;
        using var client = Api.Client(fake);
        fake.Faults.InjectRandomFaults(Chaos(1, RandomFaultKinds.ServerError));
        fake.Faults.RespondWithStatus(HttpStatusCode.TooManyRequests);
        fake.Faults.AddLatency(TimeSpan.FromSeconds(5));

        var (queuedStatus, _) = await Api.PostAsync(client, "events/export", Api.Export("p"));  // latency + 429 (queued)
        var (randomStatus, _) = await Api.PostAsync(client, "events/export", Api.Export("p"));  // random 500

        Assert.Equal(429, queuedStatus);
        Assert.Equal(500, randomStatus);
        Assert.Equal([TimeSpan.FromSeconds(5)], clock.Delays);
        Assert.Equal(1, fake.Faults.InjectedFaultTotal);
    }

    [Fact]
    public async Task A_queued_latency_rule_alone_exempts_its_request()
    {
        var (fake, clock) = Fake();
        using var _ = fake;
        using var client = Api.Client(fake);
        fake.Faults.InjectRandomFaults(Chaos(1, RandomFaultKinds.ServerError));
        fake.Faults.AddLatency(TimeSpan.FromSeconds(1));

        var (delayed, _) = await Api.PostAsync(client, "events/export", Api.Export("p"));

        Assert.Equal(200, delayed);
        Assert.Equal([TimeSpan.FromSeconds(1)], clock.Delays);
        Assert.Equal(0, fake.Faults.InjectedFaultTotal);
    }

    [Fact]
    public async Task Options_are_copied_when_injection_starts()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        var options = Chaos(1, RandomFaultKinds.ServerError);
        fake.Faults.InjectRandomFaults(options);
        options.Probability = 0;

        var (status, _) = await Api.PostAsync(client, "events/export", Api.Export("p"));

        Assert.Equal(500, status);
    }

    [Fact]
    public async Task Injecting_again_restarts_the_sequence_and_keeps_counting()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        var options = Chaos(0.5, RandomFaultKinds.ServerError, seed: 3);

        fake.Faults.InjectRandomFaults(options);
        var first = await Statuses(client, 30);
        fake.Faults.InjectRandomFaults(options);
        var second = await Statuses(client, 30);

        Assert.Equal(first, second);
        Assert.Equal(first.Count(s => s == 500) * 2, fake.Faults.InjectedFaultTotal);

        static async Task<List<int>> Statuses(HttpClient client, int count)
        {
            var statuses = new List<int>();
            for (var i = 0; i < count; i++)
            {
                statuses.Add((await Api.PostAsync(client, "events/export", Api.Export("p"))).Status);
            }

            return statuses;
        }
    }

    [Fact]
    public void Options_have_the_documented_defaults()
    {
        var options = new RandomFaultOptions();

        Assert.Equal(1, options.Seed);
        Assert.Equal(0.1, options.Probability);
        Assert.Equal(RandomFaultKinds.All, options.Kinds);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryAfter);
        Assert.Equal(TimeSpan.FromMilliseconds(200), options.LatencySpike);
        Assert.Equal(255, (int)RandomFaultKinds.All);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Probability_outside_zero_to_one_is_rejected(double probability)
    {
        var options = new RandomFaultOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.Probability = probability);
        Assert.Equal(0.1, options.Probability);
    }

    [Fact]
    public void Empty_or_unknown_kinds_and_negative_times_are_rejected()
    {
        var options = new RandomFaultOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.Kinds = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Kinds = (RandomFaultKinds)16384 | RandomFaultKinds.ServerError);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.RetryAfter = TimeSpan.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.LatencySpike = TimeSpan.FromMilliseconds(-1));
        Assert.Throws<ArgumentNullException>(() => new InMemoryHoneyHive().Faults.InjectRandomFaults(null!));
    }

    /// <summary>Sends one batch (event <c>o-{i}</c>) and names the fault the client saw, or null for a normal answer.</summary>
    private static async Task<RandomFaultKinds?> Observe(HttpClient client, InstantDelays clock, int i)
    {
        var delaysBefore = clock.Delays.Count;
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event(id: $"o-{i}"))));
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException socket)
        {
            Assert.Equal(HttpRequestError.ConnectionError, ex.HttpRequestError);
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => RandomFaultKinds.ConnectionFailure,
                SocketError.ConnectionReset => RandomFaultKinds.ResetAfterProcessing,
                _ => throw new InvalidOperationException($"Unexpected socket error {socket.SocketErrorCode}"),
            };
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            switch (response.StatusCode)
            {
                case HttpStatusCode.TooManyRequests:
                    Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
                    return RandomFaultKinds.RateLimited;
                case HttpStatusCode.InternalServerError:
                    // A plain error, never the batch's partial-success shape.
                    Assert.Equal(["error"], JsonNode.Parse(text)!.AsObject().Select(p => p.Key));
                    return RandomFaultKinds.ServerError;
                case HttpStatusCode.BadGateway:
                    Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                    return RandomFaultKinds.BadGateway;
                case HttpStatusCode.ServiceUnavailable:
                    Assert.NotNull(JsonNode.Parse(text)!["error"]);
                    return RandomFaultKinds.Unavailable;
                case HttpStatusCode.OK:
                    try
                    {
                        Assert.Equal($"o-{i}", JsonNode.Parse(text)!["event_ids"]![0]!.GetValue<string>());
                    }
                    catch (JsonException)
                    {
                        return RandomFaultKinds.TruncatedBody;
                    }

                    return clock.Delays.Count > delaysBefore ? RandomFaultKinds.LatencySpike : null;
                default:
                    throw new InvalidOperationException($"Unexpected status {response.StatusCode}");
            }
        }
    }

    /// <summary>Records every delay the fake asks for and lets it elapse at once, so spikes cost no test time.</summary>
    private sealed class InstantDelays : TimeProvider
    {
        private readonly ConcurrentQueue<TimeSpan> _delays = new();

        public IReadOnlyCollection<TimeSpan> Delays => _delays.ToArray();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _delays.Enqueue(dueTime);
            return base.CreateTimer(callback, state, TimeSpan.Zero, period);
        }
    }
}
