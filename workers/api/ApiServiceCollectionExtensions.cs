using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Workers.Api.Auth;
using Workers.Api.Builds;
using Workers.Api.Data;
using Workers.Api.Health;
using Workers.Api.Idempotency;
using Workers.Api.Metrics;
using Workers.Api.Notifications;
using Workers.Api.Options;
using Workers.Api.Preview;
using Workers.Api.RateLimiting;
using Workers.Api.Tasks;
using Workers.Api.Telemetry;
using Workers.Fleet;
using Workers.TaskManager;
using Workers.TaskManager.Persistence;

namespace Workers.Api;

// Everything the API registers, explicitly: options, the publisher and database, auth, rate limiting,
// problem details, compression, health, metrics, OpenAPI and the endpoint handlers.
internal static class ApiServiceCollectionExtensions
{
    public const string ApplicationName = "api";

    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();

        // The publisher brings the AWS clients, the fleet database's data source, claim checks and queue URLs.
        services.AddTaskPublisher(FleetDeclaration.Current, ApplicationName);
        services.AddWorkerDbContext<ApiDbContext>(ApiDbContext.Schema);

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddScopePolicies()
            .AddPolicy(PreviewAccessRequirement.Policy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .AddRequirements(new PreviewAccessRequirement()))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<PreviewTokens>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PreviewAccessHandler>();
        services.AddPerKeyRateLimit();

        services.AddProblemDetails();
        services.AddExceptionHandler<DependencyExceptionHandler>();
        services.AddResponseCompression(compression =>
        {
            // Bundles are public, content-addressed JavaScript with no secrets mixed into them, so compressing
            // them over HTTPS gives BREACH nothing to measure.
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "text/javascript", "application/problem+json"];
        });

        services.AddHealthChecks()
            .AddCheck<PostgreSqlReadiness>("postgresql", tags: [ReadinessTag.Name], timeout: TimeSpan.FromSeconds(3))
            .AddCheck<SqsReadiness>("sqs", tags: [ReadinessTag.Name], timeout: TimeSpan.FromSeconds(3))
            .AddCheck<S3Readiness>("s3", tags: [ReadinessTag.Name], timeout: TimeSpan.FromSeconds(3));

        // The health file (the container's healthcheck command) reports liveness only; see ReadinessTag.
        services.Configure<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckPublisherOptions>(o => o.Predicate = r => !r.Tags.Contains(ReadinessTag.Name));

        services.AddSingleton<RequestMetrics>();
        services.AddOpenApi();
        builder.AddApiTelemetry();

        services.AddSingleton<TaskNotificationListener>();
        services.AddHostedService(sp => sp.GetRequiredService<TaskNotificationListener>());
        services.AddSingleton<BuildRecords>();
        services.AddSingleton<FinishedBuildCache>();
        services.AddSingleton<BuildRequestValidator>();
        services.AddScoped<IdempotencyStore>();
        services.AddScoped<AcceptedBuildStore>();
        services.AddScoped<BuildWaiter>();
        services.AddScoped<PostBuildHandler>();
        services.AddScoped<GetBuildHandler>();
        services.AddScoped<GetBundleHandler>();
        services.AddScoped<PostTaskHandler>();
        return builder;
    }

    // The middleware, outermost first: metrics time everything (errors included), the exception handler turns
    // failures into problems, then compression, routing, auth, and the per-key limiter (which needs the key).
    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseMiddleware<RequestMetricsMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseResponseCompression();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
