using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Workers.Api.Telemetry;

// OpenTelemetry metrics from ASP.NET Core's built-in meters (http.server.request.duration, Kestrel connections,
// rate limiting, authentication) and the runtime's, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set
// (the exporter reads it and the other OTEL_* variables itself). Without it nothing is registered: no
// exporter retrying a collector that is not there.
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
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics.AddMeter(Meters).AddOtlpExporter());
        return builder;
    }
}
