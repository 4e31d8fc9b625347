using System.Security.Claims;
using Scalar.AspNetCore;
using Workers.Api.Auth;
using Workers.Api.Builds;
using Workers.Api.Health;
using Workers.Api.Metrics;
using Workers.Api.Preview;
using Workers.Api.RateLimiting;
using Workers.Api.Tasks;

namespace Workers.Api;

// Every route of the API, in one place. Each endpoint names the scope it needs; the rate limit is per key.
internal static class ApiEndpoints
{
    public static WebApplication MapApi(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs").AllowAnonymous();

        var api = app.MapGroup("/api").RequireRateLimiting(PerKeyRateLimit.Policy);

        var builds = api.MapGroup("/builds").WithTags("Builds");
        builds.MapPost("/", (PostBuildHandler handler, HttpRequest request, ClaimsPrincipal user, CancellationToken ct) => handler.HandleAsync(request, user, ct))
            .RequireAuthorization(ApiScopes.Enqueue)
            .Accepts<BuildRequest>("application/json")
            .Produces<BuildAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Enqueues a build of a React component; Idempotency-Key makes a retry return the same build.");
        builds.MapGet("/{id}", (GetBuildHandler handler, string id, int? wait, CancellationToken ct) => handler.HandleAsync(id, wait, ct))
            .RequireAuthorization(PreviewAccessRequirement.Policy)
            .Produces<BuildDocument>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The build record; ?wait=N (seconds) waits for its outcome. A read key or the build's preview ?token=.");
        builds.MapGet("/{id}/bundle", (GetBundleHandler handler, string id, HttpContext context, CancellationToken ct) => handler.HandleAsync(id, context, ct))
            .RequireAuthorization(PreviewAccessRequirement.Policy)
            .Produces(StatusCodes.Status200OK, contentType: "text/javascript")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The build's bundle: immutable, strong ETag, compressed. A read key or the build's preview ?token=.");

        api.MapPost("/tasks/{worker}/{type}", (PostTaskHandler handler, string worker, string type, HttpRequest request, ClaimsPrincipal user, CancellationToken ct) => handler.HandleAsync(worker, type, request, user, ct))
            .RequireAuthorization(ApiScopes.Enqueue)
            .WithTags("Tasks")
            .Accepts<object>("application/json")
            .Produces<TaskAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Enqueues a task of any type the fleet declaration gives the worker.");

        api.MapGet("/metrics", (RequestMetrics metrics) => TypedResults.Ok(metrics.Snapshot()))
            .RequireAuthorization(ApiScopes.Read)
            .WithTags("Operations")
            .WithSummary("Requests, errors, latency percentiles and memory of this instance.");
        api.MapKeyEndpoints();

        app.MapPreviewEndpoints();
        return app;
    }
}
