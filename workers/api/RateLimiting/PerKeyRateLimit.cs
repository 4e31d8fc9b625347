using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Workers.Api.Options;

namespace Workers.Api.RateLimiting;

// One token bucket per API key (Api:RateLimitBurst, refilled at Api:RateLimitPerSecond): one busy client cannot
// starve the others. Over the limit: 429 with Retry-After, as a problem document. Per instance: behind a load
// balancer with N tasks a key gets up to N times the rate, which is acceptable for protecting each task.
internal static class PerKeyRateLimit
{
    public const string Policy = "per-key";

    public static IServiceCollection AddPerKeyRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
                // A preview page's requests carry no key: they share one bucket per build.
                var keyId = context.User.FindFirstValue(ClaimTypes.NameIdentifier)
                    ?? (context.Request.RouteValues["id"] is string id ? $"preview:{id}" : "anonymous");
                return RateLimitPartition.GetTokenBucketLimiter(keyId, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.RateLimitBurst,
                    TokensPerPeriod = options.RateLimitPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await ProblemResponses.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests for this API key", $"Retry after {seconds} s.");
            };
        });
}
