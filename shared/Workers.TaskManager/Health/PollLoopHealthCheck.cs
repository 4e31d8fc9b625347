using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Workers.TaskManager.Health;

// Exposes PollLoopHealth to the health check service (and from there to the ECS container health check).
internal sealed class PollLoopHealthCheck(PollLoopHealth health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(health.Evaluate());
}
