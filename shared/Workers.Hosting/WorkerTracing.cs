using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Workers.Hosting;

/// <summary>
/// OpenTelemetry traces of a fleet host, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the
/// exporter reads it and the other <c>OTEL_*</c> variables itself: protocol, headers, sampler). Without it no
/// tracer provider is registered at all: nothing listens to the activity sources, so a span costs nothing and
/// nothing is sent anywhere.
/// </summary>
public static class WorkerTracing
{
    /// <summary>The setting that turns tracing on.</summary>
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard sampler setting; when set, it replaces <see cref="UnparentedClientSampler"/>.</summary>
    public const string SamplerSetting = "OTEL_TRACES_SAMPLER";

    /// <summary>
    /// The fleet's own sources (the TaskManager's send and process spans, the build pool's) and Npgsql's, which
    /// gives every statement a span of its own.
    /// </summary>
    public static readonly string[] Sources = ["Workers.*", "Npgsql"];

    /// <summary>Whether <paramref name="builder"/>'s configuration names a collector.</summary>
    public static bool IsEnabled(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return !string.IsNullOrWhiteSpace(builder.Configuration[EndpointSetting]);
    }

    /// <summary>
    /// Traces the fleet's sources as <paramref name="serviceName"/> (<c>workers-&lt;name&gt;</c>), plus whatever
    /// <paramref name="configure"/> adds (the API adds its HTTP server spans).
    /// </summary>
    public static IHostApplicationBuilder AddWorkerTracing(this IHostApplicationBuilder builder, string serviceName, Action<TracerProviderBuilder>? configure = null)
    {
        if (!IsEnabled(builder))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(Sources);
                if (string.IsNullOrWhiteSpace(builder.Configuration[SamplerSetting]))
                {
                    tracing.SetSampler(new UnparentedClientSampler());
                }

                configure?.Invoke(tracing);
                tracing.AddOtlpExporter();
            });
        return builder;
    }
}
