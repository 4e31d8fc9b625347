namespace Workers.Infra.Render.Shared;

// The load balancer's side of a web service: how it checks a target and how long it lets requests finish.
internal static class WebServiceHttp
{
    // The longest request the API serves is a long poll (GET /api/builds/{id}?wait=, Api:MaxWait, at most 55 s
    // and 30 s by default, below the ALB's 60 s idle timeout). A target being deregistered (a deploy, a scale-in)
    // keeps its requests in flight this long: the default wait plus a margin.
    public static readonly TimeSpan DeregistrationDelay = TimeSpan.FromSeconds(35);

    // Target group health check: liveness only (/api/health runs no dependency check), so a database outage
    // does not take every task out of the target group. ALB limits: interval 5–300 s, timeout 2–120 s.
    public static readonly TimeSpan HealthCheckInterval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);
    public const int HealthyThreshold = 2;
    public const int UnhealthyThreshold = 3;

    // The first health checks wait for the process to start and migrate nothing (migrations are a separate step).
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(30);

    // Production scales on CPU: a minimal API's cost per request is CPU, and long polls hold no CPU.
    public const int TargetCpuPercent = 70;
}
