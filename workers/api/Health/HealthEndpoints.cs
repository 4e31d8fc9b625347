using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Workers.Api.Health;

// GET /api/health (liveness: the process serves requests) and /api/health/ready (PostgreSQL, SQS and S3 each
// checked; 503 naming what is down). Both without an API key: load balancers and probes have none.
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/api/health", Options(_ => false)).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/api/health/ready", Options(r => r.Tags.Contains(ReadinessTag.Name))).AllowAnonymous().DisableRateLimiting();
        return app;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
        ResponseWriter = WriteAsync,
    };

    // {"status":"Unhealthy","down":["postgresql"],"checks":{"postgresql":{"status":"Unhealthy","description":"…"}}}
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            down = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key).ToList(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, durationMs = e.Value.Duration.TotalMilliseconds }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
