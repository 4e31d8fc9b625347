namespace Workers.Api.Health;

// Health checks tagged with this are readiness (dependencies), served at /api/health/ready; liveness
// (/api/health, and the health file the container's healthcheck reads) runs none of them: a database outage
// must not make ECS replace every API task, which would not bring the database back.
internal static class ReadinessTag
{
    public const string Name = "ready";
}
