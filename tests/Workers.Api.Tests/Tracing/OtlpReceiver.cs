using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Workers.Api.Tests.Tracing;

// A real OTLP/HTTP trace collector on a free loopback port: the exporters of the API and of the worker process
// send it protobuf over HTTP as they would send a production collector, and tests wait until the spans they
// expect have arrived (woken by each export, never polling on a timer).
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedSpan> _spans = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requests;

    private OtlpReceiver(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = "";

    public int Exports { get; private set; }

    public int Requests => Volatile.Read(ref _requests);

    public static Task<OtlpReceiver> StartAsync() => StartAsync(k => k.Listen(IPAddress.Loopback, 0));

    // On the ports an OTLP exporter uses when no endpoint is configured (4317 gRPC, which is HTTP/2 without TLS,
    // and 4318 HTTP), counting every request whatever its path: what an exporter left at its defaults would reach.
    public static Task<OtlpReceiver> StartOnDefaultPortsAsync() => StartAsync(k =>
    {
        k.ListenLocalhost(4317, listen => listen.Protocols = HttpProtocols.Http2);
        k.ListenLocalhost(4318);
    });

    private static async Task<OtlpReceiver> StartAsync(Action<KestrelServerOptions> listen)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(listen);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref receiver._requests);
            return next(context);
        });
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver.Add(OtlpTraceDecoder.Decode(body.ToArray()));
            return Results.Ok();
        });
        await app.StartAsync();
        receiver.Endpoint = app.Urls.First();
        return receiver;
    }

    // The settings that point an OpenTelemetry SDK at this receiver, as environment variables or configuration.
    public Dictionary<string, string?> ExporterSettings() => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
    };

    // Waits until `done` holds for the spans received so far; each export wakes it.
    public async Task<IReadOnlyList<ReceivedSpan>> WaitForAsync(Func<IReadOnlyList<ReceivedSpan>, bool> done, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task next;
            List<ReceivedSpan> snapshot;
            lock (_gate)
            {
                next = _received.Task;
                snapshot = [.. _spans];
            }

            if (done(snapshot))
            {
                return snapshot;
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return snapshot;
            }
        }
    }

    public IReadOnlyList<ReceivedSpan> Spans()
    {
        lock (_gate)
        {
            return [.. _spans];
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void Add(List<ReceivedSpan> spans)
    {
        TaskCompletionSource wake;
        lock (_gate)
        {
            _spans.AddRange(spans);
            Exports++;
            wake = _received;
            _received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        wake.TrySetResult();
    }
}
