using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Workers.Hosting;

namespace Workers.Api.Telemetry;

// OpenTelemetry for the API, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads it
// and the other OTEL_* variables itself); without it nothing is registered, no exporter retrying a collector
// that is not there.
// - Traces: an HTTP server span per request (an incoming traceparent is continued), under it the publish of a
//   build ("send build", which the build worker's "process build" continues), the database statements (Npgsql),
//   as every worker traces (WorkerTracing). Health and metrics requests are left out: a load balancer's checks
//   every few seconds would be most of the spans and say nothing.
// - Metrics: ASP.NET Core's built-in meters (http.server.request.duration, Kestrel connections, rate limiting,
//   authentication) and the runtime's.
internal static class ApiTelemetry
{
    public const string ServiceName = "workers-api";

    private static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "System.Runtime",
    ];

    public static IHostApplicationBuilder AddApiTelemetry(this IHostApplicationBuilder builder)
    {
        if (!WorkerTracing.IsEnabled(builder))
        {
            return builder;
        }

        builder.AddWorkerTracing(ServiceName, tracing => tracing.AddAspNetCoreInstrumentation(options =>
            options.Filter = context => !context.Request.Path.StartsWithSegments("/api/health") && !context.Request.Path.StartsWithSegments("/api/metrics")));
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics.AddMeter(Meters).AddOtlpExporter());
        return builder;
    }
}
