using System.Net;
using System.Net.Sockets;
using System.Text;
using HoneyHive.Kiota.Testing.Hosting;

namespace HoneyHive.Kiota.Testing.Tests;

/// <summary>
/// The raw-socket host: every fault is checked on the bytes and the way the connection ended, read off a plain
/// socket (<see cref="RawExchange"/>), not through an HTTP client that would smooth it over.
/// </summary>
public class FaultyLoopbackTests
{
    private const string ListPath = "/events?project=p&filters=%5B%5D";

    private static InMemoryHoneyHive SeededFake(int events = 20)
    {
        var fake = new InMemoryHoneyHive();
        fake.AddEvents(Enumerable.Range(0, events).Select(i => Api.Event(id: $"seed-{i:D3}")));
        return fake;
    }

    // The answer the fake gives when nothing goes wrong, to compare cut answers with.
    private static async Task<byte[]> WholeBodyAsync(FaultyLoopbackHoneyHive host)
    {
        var whole = await RawExchange.SendAsync(host.BaseAddress, RawExchange.Request("GET", ListPath));
        Assert.Equal(ConnectionEnd.Closed, whole.End);
        Assert.Equal(whole.ContentLength, whole.Body.Length);
        return whole.Body;
    }

    [Fact]
    public async Task Serves_batch_get_and_export_over_one_kept_alive_connection()
    {
        using var fake = new InMemoryHoneyHive(new InMemoryHoneyHiveOptions { ApiKey = "k" });
        await using var host = await FaultyLoopbackHoneyHive.StartAsync(fake);
        using var socket = await RawExchange.ConnectAsync(host.BaseAddress);

        // Three requests on one socket: the second and third can only be answered if the first left it usable.
        await socket.SendAsync(RawExchange.Request("POST", "/events/batch", Api.Batch(Api.Event(id: "raw-1")).ToJsonString(), close: false, authorization: "Bearer k"));
        var created = await ReadOneAnswerAsync(socket);
        await socket.SendAsync(RawExchange.Request("GET", ListPath, close: false, authorization: "Bearer k"));
        var listed = await ReadOneAnswerAsync(socket);
        await socket.SendAsync(RawExchange.Request("POST", "/events/export", Api.Export("p").ToJsonString(), authorization: "Bearer k"));
        var exported = await RawExchange.ReadToEndAsync(socket);

        Assert.Equal(200, created.Status);
        Assert.Contains("\"raw-1\"", Encoding.UTF8.GetString(created.Body), StringComparison.Ordinal);
        Assert.Equal(200, listed.Status);
        Assert.Contains("\"raw-1\"", Encoding.UTF8.GetString(listed.Body), StringComparison.Ordinal);
        Assert.Equal(200, exported.Status);
        Assert.Equal(ConnectionEnd.Closed, exported.End);
        Assert.Equal(3, fake.Requests.Count);
        Assert.Equal("Bearer k", fake.Requests[1].Header("Authorization"));
    }

    [Fact]
    public async Task An_http_client_talks_to_it_as_to_any_server()
    {
        using var fake = new InMemoryHoneyHive();
        await using var host = await FaultyLoopbackHoneyHive.StartAsync(fake);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var (status, created) = await Api.PostAsync(client, "events/batch", Api.Batch(Api.Event(id: "c-1"), Api.Event(id: "c-2")));
        var (listStatus, listed) = await Api.GetAsync(client, "events?project=p&filters=%5B%5D");

        Assert.Equal(200, status);
        Assert.Equal(["c-1", "c-2"], Api.Ids(created, "event_ids"));
        Assert.Equal(200, listStatus);
        Assert.Equal(["c-1", "c-2"], Api.Ids(listed));
    }

    [Fact]
    public async Task A_closed_cut_sends_the_true_length_and_the_first_bytes_then_FIN()
    {
        using var fake = SeededFake();
        await using var host = await FaultyLoopbackHoneyHive.StartAsync(fake);
        var whole = await WholeBodyAsync(host);
        fake.Faults.CutResponseBody(100, ConnectionCut.Close, path: "/events");

        var cut = await RawExchange.SendAsync(host.BaseAddress, RawExchange.Request("GET", ListPath));

        Assert.Equal(200, cut.Status);
        Assert.Equal(whole.Length, cut.ContentLength);
        Assert.Equal(whole[..100], cut.Body);
        Assert.Equal(ConnectionEnd.Closed, cut.End);
    }

    [Fact]
    public async Task A_reset_cut_ends_the_connection_with_RST()
    {
        using var fake = SeededFake();
        await using var host = await FaultyLoopbackHoneyHive.StartAsync(fake);
        var whole = await WholeBodyAsync(host);
        fake.Faults.CutResponseBody(100, ConnectionCut.Reset, path: "/events");

        var cut = await RawExchange.SendAsync(host.BaseAddress, RawExchange.Request("GET", ListPath));

        Assert.Equal(ConnectionEnd.Reset, cut.End);
        // The kernel may drop bytes still unread when the RST arrives; none beyond the cut ever come.
        Assert.True(cut.Bytes.Length <= whole.Length, $"received {cut.Bytes.Length} bytes");
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task A_cut_after_zero_bytes_sends_only_the_head()
    {
        using var fake = SeededFake();
        await using var host = await FaultyLoopbackHoneyHive.StartAsync(fake);
        fake.Faults.CutResponseBody(0, path: "/events");

        var cut = await RawExchange.SendAsync(host.BaseAddress, RawExchange.Request("GET", ListPath));

        Assert.Equal(200, cut.Status);
        Assert.True(cut.ContentLength > 0);
        Assert.Empty(cut.Body);
        Assert.Equal(ConnectionEnd.Closed, cut.End);
    }

    [Fact]
    public async Task A_batch_whose_answer_is_cut_was_stored_and_a_resend_counts_as_after_a_hidden_outcome()
    {
        using var fake = new InMemoryHoneyHive();
        await using var host = await FaultyLoopbackHoneyHive.StartAsync(fake);
        var batch = Api.Batch(Api.Event(id: "cut-1"), Api.Event(id: "cut-2")).ToJsonString();
        fake.Faults.CutResponseBody(5, ConnectionCut.Reset, path: "/events/batch");

        var cut = await RawExchange.SendAsync(host.BaseAddress, RawExchange.Request("POST", "/events/batch", batch));
        var again = await RawExchange.SendAsync(host.BaseAddress, RawExchange.Request("POST", "/events/batch", batch));

        Assert.Equal(ConnectionEnd.Reset, cut.End);
        Assert.Equal(200, again.Status);
        Assert.Equal(["cut-1", "cut-2"], fake.Events.Select(e => (string)e["event_id"]!));
        Assert.Equal(["cut-1", "cut-2"], fake.RepeatedEvents.Select(r => r.EventId));
        Assert.All(fake.RepeatedEvents, r => Assert.True(r.AfterHiddenOutcome));
    }

    [Theory]
    [InlineData(ConnectionCut.Close)]
    [InlineData(ConnectionCut.Reset)]
    public async Task A_request_cut_in_its_body_is_never_processed_and_is_logged_with_the_part_that_arrived(ConnectionCut how)
    {
        using var fake = new InMemoryHoneyHive();
        await using var host = await FaultyLoopbackHoneyHive.StartAsync(fake);
        var batch = Api.Batch(Api.Event(id: "never-1")).ToJsonString();
        fake.Faults.CutRequestBody(20, how, path: "/events/batch");

        var result = await RawExchange.SendAsync(host.BaseAddress, RawExchange.Request("POST", "/events/batch", batch));

        Assert.Empty(result.Bytes);
        Assert.Empty(fake.Events);
        var logged = Assert.Single(fake.Requests);
        Assert.Equal(Encoding.UTF8.GetBytes(batch)[..20], logged.Body.ToArray());
        Assert.Equal(0, fake.Faults.Pending);
    }

    [Fact]
    public async Task A_dribbled_answer_arrives_whole_in_pieces_and_closes()
    {
        using var fake = SeededFake();
        await using var host = await FaultyLoopbackHoneyHive.StartAsync(fake);
        var whole = await WholeBodyAsync(host);
        fake.Faults.DribbleResponse(whole.Length / 4 + 1, TimeSpan.FromMilliseconds(30), path: "/events");
        using var socket = await RawExchange.ConnectAsync(host.BaseAddress);
        await socket.SendAsync(RawExchange.Request("GET", ListPath, close: false));

        var reads = 0;
        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        for (int read; (read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0; reads++)
        {
            received.Write(buffer, 0, read);
        }

        var result = new RawResult(received.ToArray(), ConnectionEnd.Closed);
        Assert.Equal(whole, result.Body);
        Assert.Equal("close", result.Header("Connection"));
        // The head and four pieces, 30 ms apart: at least the head and the body come separately.
        Assert.True(reads >= 2, $"{reads} reads");
    }

    [Fact]
    public async Task A_stalled_answer_stops_after_its_first_bytes_and_holds_the_connection_until_the_client_leaves()
    {
        using var fake = SeededFake();
        await using var host = await FaultyLoopbackHoneyHive.StartAsync(fake);
        var whole = await WholeBodyAsync(host);
        fake.Faults.StallResponseBody(30, path: "/events");
        using var socket = await RawExchange.ConnectAsync(host.BaseAddress);
        await socket.SendAsync(RawExchange.Request("GET", ListPath));

        var received = await RawExchange.ReadAtLeastAsync(socket, 1);
        while (new RawResult(received, ConnectionEnd.Closed) is var partial && (partial.Bytes.AsSpan().IndexOf("\r\n\r\n"u8) < 0 || partial.Body.Length < 30))
        {
            received = [.. received, .. await RawExchange.ReadAtLeastAsync(socket, 1)];
        }

        var stalled = new RawResult(received, ConnectionEnd.Closed);
        Assert.Equal(whole.Length, stalled.ContentLength);
        Assert.Equal(whole[..30], stalled.Body);
        // Still open and silent: no more bytes, no FIN (a poll without waiting is readable on either).
        Assert.False(socket.Poll(0, SelectMode.SelectRead));
        socket.Close();
    }

    [Theory]
    [InlineData(64)]
    [InlineData(-10)]
    public async Task A_wrong_content_length_is_declared_the_whole_body_sent_and_the_connection_closed(int delta)
    {
        using var fake = SeededFake();
        await using var host = await FaultyLoopbackHoneyHive.StartAsync(fake);
        var whole = await WholeBodyAsync(host);
        fake.Faults.SendWrongContentLength(delta, path: "/events");

        var result = await RawExchange.SendAsync(host.BaseAddress, RawExchange.Request("GET", ListPath, close: false));

        Assert.Equal(whole.Length + delta, result.ContentLength);
        Assert.Equal(whole, result.Body);
        Assert.Equal(ConnectionEnd.Closed, result.End);
    }

    [Fact]
    public async Task A_wrong_content_length_above_the_body_ends_a_client_read_prematurely()
    {
        using var fake = SeededFake();
        await using var host = await FaultyLoopbackHoneyHive.StartAsync(fake);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        fake.Faults.SendWrongContentLength(64, path: "/events");

        using var response = await client.GetAsync(ListPath, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var error = await Assert.ThrowsAsync<HttpIOException>(() => body.CopyToAsync(Stream.Null));

        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
    }

    [Fact]
    public async Task A_redirect_to_itself_names_the_request_own_url_and_processes_nothing()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.Redirect(HttpStatusCode.TemporaryRedirect, path: "/events/batch", times: 2);

        using var first = await client.PostAsync("events/batch?x=1", Api.Json(Api.Batch(Api.Event(id: "r-1"))));
        using var second = await client.PostAsync("events/batch?x=1", Api.Json(Api.Batch(Api.Event(id: "r-1"))));
        using var third = await client.PostAsync("events/batch?x=1", Api.Json(Api.Batch(Api.Event(id: "r-1"))));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, first.StatusCode);
        Assert.Equal(new Uri("https://api.honeyhive.ai/events/batch?x=1"), first.Headers.Location);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Single(fake.Events);
    }

    [Fact]
    public async Task A_redirect_elsewhere_resolves_its_location_against_the_request()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.Redirect(HttpStatusCode.Found, location: "/v2/events");

        using var response = await client.GetAsync("events?project=p&filters=%5B%5D");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(new Uri("https://api.honeyhive.ai/v2/events"), response.Headers.Location);
        Assert.Throws<ArgumentOutOfRangeException>(() => fake.Faults.Redirect(HttpStatusCode.OK));
    }

    [Fact]
    public async Task A_redirect_loop_is_followed_by_a_client_until_the_rule_runs_out()
    {
        using var fake = SeededFake(3);
        await using var host = await FaultyLoopbackHoneyHive.StartAsync(fake);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true }) { BaseAddress = host.BaseAddress };
        fake.Faults.Redirect(HttpStatusCode.Found, path: "/events", times: 3);

        var (status, listed) = await Api.GetAsync(client, ListPath);

        Assert.Equal(200, status);
        Assert.Equal(3, Api.Ids(listed).Length);
        Assert.Equal(4, fake.Requests.Count);
        Assert.All(fake.Requests, r => Assert.Equal(ListPath, r.PathAndQuery));
    }

    [Fact]
    public async Task An_echoed_request_header_comes_back_in_the_answer_even_a_fault()
    {
        using var fake = new InMemoryHoneyHive();
        await using var host = await FaultyLoopbackHoneyHive.StartAsync(fake);
        fake.Faults.EchoRequestHeader("Authorization", "x-request-id", path: "/events/export");
        fake.Faults.RespondWithStatus(HttpStatusCode.InternalServerError, path: "/events/export");

        var echoed = await RawExchange.SendAsync(host.BaseAddress, RawExchange.Request("POST", "/events/export", Api.Export("p").ToJsonString(), authorization: "Bearer hhk_secret"));
        var plain = await RawExchange.SendAsync(host.BaseAddress, RawExchange.Request("POST", "/events/export", Api.Export("p").ToJsonString(), authorization: "Bearer hhk_secret"));

        Assert.Equal(500, echoed.Status);
        Assert.Equal("Bearer hhk_secret", echoed.Header("x-request-id"));
        Assert.Equal(200, plain.Status);
        Assert.Null(plain.Header("x-request-id"));
    }

    [Fact]
    public async Task Without_a_socket_host_a_response_fault_is_a_reset_after_processing_and_a_request_cut_a_refusal()
    {
        using var fake = new InMemoryHoneyHive();
        using var client = Api.Client(fake);
        fake.Faults.CutResponseBody(10, path: "/events/batch");
        fake.Faults.CutRequestBody(10, path: "/events/export");

        var reset = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("events/batch", Api.Json(Api.Batch(Api.Event(id: "m-1")))));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync("events/export", Api.Json(Api.Export("p"))));

        Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(reset.InnerException).SocketErrorCode);
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(refused.InnerException).SocketErrorCode);
        Assert.Equal(["m-1"], fake.Events.Select(e => (string)e["event_id"]!));
    }

    [Fact]
    public async Task Disposing_the_host_ends_a_stall_and_refuses_new_connections()
    {
        using var fake = SeededFake();
        var host = await FaultyLoopbackHoneyHive.StartAsync(fake);
        fake.Faults.StallResponseBody(0, path: "/events");
        using var socket = await RawExchange.ConnectAsync(host.BaseAddress);
        await socket.SendAsync(RawExchange.Request("GET", ListPath));
        await RawExchange.ReadAtLeastAsync(socket, 1);

        await host.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        var ended = await RawExchange.ReadToEndAsync(socket);
        Assert.Empty(ended.Bytes);
        await Assert.ThrowsAsync<SocketException>(() => RawExchange.ConnectAsync(host.BaseAddress));
    }

    [Theory]
    [InlineData(RandomFaultKinds.CloseMidBody)]
    [InlineData(RandomFaultKinds.ResetMidBody)]
    [InlineData(RandomFaultKinds.DribbleBody)]
    [InlineData(RandomFaultKinds.WrongContentLength)]
    [InlineData(RandomFaultKinds.RedirectToSelf)]
    public async Task Random_transport_faults_are_played_on_the_socket(RandomFaultKinds kind)
    {
        using var fake = SeededFake();
        await using var host = await FaultyLoopbackHoneyHive.StartAsync(fake);
        var whole = await WholeBodyAsync(host);
        fake.Faults.InjectRandomFaults(new RandomFaultOptions { Seed = 5, Probability = 1, Kinds = kind, LatencySpike = TimeSpan.FromMilliseconds(40) });

        var results = new List<RawResult>();
        for (var i = 0; i < 6; i++)
        {
            results.Add(await RawExchange.SendAsync(host.BaseAddress, RawExchange.Request("GET", ListPath)));
        }

        Assert.Equal(6, fake.Faults.InjectedFaults[kind]);
        Assert.All(results, r =>
        {
            switch (kind)
            {
                case RandomFaultKinds.CloseMidBody:
                    Assert.Equal(ConnectionEnd.Closed, r.End);
                    Assert.Equal(whole.Length, r.ContentLength);
                    Assert.True(r.Body.Length < whole.Length, "the body was sent whole");
                    Assert.Equal(whole[..r.Body.Length], r.Body);
                    break;
                case RandomFaultKinds.ResetMidBody:
                    Assert.Equal(ConnectionEnd.Reset, r.End);
                    break;
                case RandomFaultKinds.DribbleBody:
                    Assert.Equal(whole, r.Body);
                    break;
                case RandomFaultKinds.WrongContentLength:
                    Assert.Equal(whole, r.Body);
                    Assert.Contains(r.ContentLength, new long[] { whole.Length + 64, whole.Length / 2 });
                    break;
                default:
                    Assert.Equal(307, r.Status);
                    Assert.Equal(new Uri(host.BaseAddress, ListPath).AbsoluteUri, r.Header("Location"));
                    break;
            }
        });
    }

    [Fact]
    public void Bad_fault_arguments_are_refused()
    {
        var plan = new FaultPlan();
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.CutResponseBody(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.CutResponseBody(1, (ConnectionCut)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.CutRequestBody(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.DribbleResponse(0, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.StallResponseBody(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.SendWrongContentLength(0));
        Assert.Throws<ArgumentException>(() => plan.EchoRequestHeader(" ", "x"));
        Assert.Equal(0, plan.Pending);
    }

    // Reads one Content-Length-framed answer off a kept-alive connection.
    private static async Task<RawResult> ReadOneAnswerAsync(Socket socket)
    {
        var received = Array.Empty<byte>();
        while (true)
        {
            received = [.. received, .. await RawExchange.ReadAtLeastAsync(socket, 1)];
            var headEnd = received.AsSpan().IndexOf("\r\n\r\n"u8);
            if (headEnd >= 0)
            {
                var answer = new RawResult(received, ConnectionEnd.Closed);
                if (answer.Body.Length >= answer.ContentLength)
                {
                    return answer;
                }
            }
        }
    }
}
