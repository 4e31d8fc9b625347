using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Workers.ExternalEc.Ochanoko;

// The typed client's resilience pipeline (Microsoft.Extensions.Http.Resilience): a retry that honours the
// server's Retry-After (429 from the rate limit, 503 in an outage) and backs off exponentially without one, but
// only while the wait ends before the task's deadline and stays under MaxRetryDelay; then a per-attempt timeout.
// What is left after the retries is the TaskManager's to hold (OchanokoClient turns it into a transient failure).
internal static class OchanokoResilience
{
    public static IHttpClientBuilder AddOchanokoClient(this IServiceCollection services)
    {
        var client = services.AddHttpClient<OchanokoClient>((sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<IOptions<OchanokoOptions>>().Value.Endpoint;
            // The pipeline's attempt timeout and the task's deadline bound each call; HttpClient's own would cut retries.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        client.AddResilienceHandler("ochanoko", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<OchanokoOptions>>().Value;
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && ShouldRetry(args.Outcome, args.Context, options, time)),
            });
            pipeline.AddTimeout(options.AttemptTimeout);
        });
        return client;
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider? time = null) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - (time ?? TimeProvider.System).GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero,
            _ => null,
        };

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, OchanokoOptions options, TimeProvider time)
    {
        TimeSpan wait;
        if (outcome.Result is { } response)
        {
            if (!IsTransient(response.StatusCode))
            {
                return false;
            }

            // A Retry-After beyond MaxRetryDelay is an outage to wait out with the message held, not here.
            wait = RetryAfter(response, time) ?? options.MaxRetryDelay;
            if (wait > options.MaxRetryDelay)
            {
                return false;
            }
        }
        else if (outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            wait = options.MaxRetryDelay;
        }
        else
        {
            return false;
        }

        // The wait and one more attempt must end before the task's deadline, or the TaskManager would see a timeout
        // (a failure spending a receive) instead of the dependency's outage.
        return context.GetRequestMessage()?.Options.TryGetValue(OchanokoClient.Deadline, out var deadline) != true
            || time.GetUtcNow() + wait + options.AttemptTimeout < deadline;
    }
}
