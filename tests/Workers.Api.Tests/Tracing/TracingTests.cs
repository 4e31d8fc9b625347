using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Workers.Api.Tests.Infrastructure;

namespace Workers.Api.Tests.Tracing;

// One trace from the HTTP request to the database: the API (in-process, its real OTLP exporter) and the build
// worker (its own process) both export to a real OTLP/HTTP receiver, which decodes what arrives.
public sealed class TracingTests : ApiTest
{
    private static readonly TimeSpan ExportWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_build_is_one_trace_from_the_API_request_through_the_queue_the_handler_the_pool_and_the_database()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var api = StartApi(receiver.ExporterSettings());
        using var client = await ClientAsync(api, "enqueue", "read");
        StartBuildWorker(receiver.ExporterSettings());

        using var posted = await client.PostAsync("/api/builds", Json.Body(new { source = "export default function App() { return null; }" }), Cancellation);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var buildId = (await Json.ReadAsync(posted)).GetProperty("buildId").GetString()!;
        Assert.Equal("succeeded", (await OutcomeAsync(client, buildId)).GetProperty("status").GetString());

        var spans = await receiver.WaitForAsync(s => Chain(s, buildId) is { Complete: true }, ExportWait, Cancellation);
        var chain = Chain(spans, buildId);
        Assert.True(chain.Complete, "Spans received: " + string.Join("; ", spans.Select(s => $"{s.Service} {s.Name} ({s.TraceId[..8]})")));

        // The request's server span → the publish (producer) → the worker's delivery (consumer) → the pool.
        var (server, send, process, pool) = (chain.Server!, chain.Send!, chain.Process!, chain.Pool!);
        Assert.Equal("workers-api", server.Service);
        Assert.Equal(server.SpanId, send.ParentSpanId);
        Assert.Equal(send.SpanId, process.ParentSpanId);
        Assert.Equal("workers-build", process.Service);
        Assert.Equal(process.SpanId, pool.ParentSpanId);
        Assert.All([send, process, pool], s => Assert.Equal(server.TraceId, s.TraceId));

        // Messaging semantic conventions on both sides of the queue.
        Assert.Equal("aws_sqs", send.Attributes["messaging.system"]);
        Assert.Equal("send", send.Attributes["messaging.operation.type"]);
        Assert.Equal("build", send.Attributes["messaging.destination.name"]);
        Assert.False(string.IsNullOrEmpty(send.Attributes["messaging.message.id"]));
        Assert.Equal("process", process.Attributes["messaging.operation.type"]);
        Assert.Equal(send.Attributes["messaging.message.id"], process.Attributes["messaging.message.id"]);
        Assert.Equal("1", process.Attributes["messaging.message.delivery_count"]);

        // The database statements of both services are in the same trace: the API's accepted-build insert and
        // the worker's build record and task record writes.
        Assert.Contains(spans, s => IsStatement(s, "workers-api", server.TraceId));
        Assert.Contains(spans, s => IsStatement(s, "workers-build", server.TraceId));

        // Statements nothing caused (the API's and the worker's background loops: migrations at start, the task
        // record writer, the outbox dispatcher's polls, health probes) start no trace of their own.
        Assert.DoesNotContain(spans, s => s.Kind == ReceivedSpan.Client && s.ParentSpanId.Length == 0);
    }

    [Fact]
    public async Task Without_an_OTLP_endpoint_nothing_is_traced_or_sent()
    {
        // Listening where an exporter left at its defaults would send (localhost:4317/4318): if either service
        // registered one, its spans would arrive here at the latest when it flushes on shutdown.
        await using var receiver = await OtlpReceiver.StartOnDefaultPortsAsync();
        var api = StartApi();
        using var client = await ClientAsync(api, "enqueue", "read");
        var worker = StartBuildWorker();

        using var posted = await client.PostAsync("/api/builds", Json.Body(new { source = "export default function App() { return null; }" }), Cancellation);
        var buildId = (await Json.ReadAsync(posted)).GetProperty("buildId").GetString()!;
        Assert.Equal("succeeded", (await OutcomeAsync(client, buildId)).GetProperty("status").GetString());

        Assert.Null(api.Services.GetService<TracerProvider>());
        Assert.Equal(0, await worker.TerminateAsync()); // a graceful stop: an exporter would flush now
        await api.DisposeAsync();
        Assert.Equal(0, receiver.Requests);
    }

    private static TraceChain Chain(IReadOnlyList<ReceivedSpan> spans, string buildId)
    {
        var send = spans.FirstOrDefault(s => s.Kind == ReceivedSpan.Producer && s.Attributes.GetValueOrDefault("workers.task.id") == buildId);
        var process = spans.FirstOrDefault(s => s.Kind == ReceivedSpan.Consumer && s.Attributes.GetValueOrDefault("workers.task.id") == buildId);
        var server = send is null ? null : spans.FirstOrDefault(s => s.SpanId == send.ParentSpanId && s.Kind == ReceivedSpan.Server);
        var pool = process is null ? null : spans.FirstOrDefault(s => s.Name == "build pool" && s.TraceId == process.TraceId);
        var statements = server is not null
            && spans.Any(s => IsStatement(s, "workers-api", server.TraceId))
            && spans.Any(s => IsStatement(s, "workers-build", server.TraceId));
        return new TraceChain(server, send, process, pool, statements);
    }

    // An Npgsql statement span (kind Client, database attributes) of `service` in trace `traceId`.
    private static bool IsStatement(ReceivedSpan span, string service, string traceId) =>
        span.Service == service && span.TraceId == traceId && span.Kind == ReceivedSpan.Client
        && span.Attributes.Keys.Any(k => k.StartsWith("db.", StringComparison.Ordinal));

    private sealed record TraceChain(ReceivedSpan? Server, ReceivedSpan? Send, ReceivedSpan? Process, ReceivedSpan? Pool, bool Statements)
    {
        // Each service exports in its own batches: wait until both services' statements have arrived too.
        public bool Complete => Server is not null && Send is not null && Process is not null && Pool is not null && Statements;
    }
}
