namespace Workers.Infra.Render.Shared;

// How long ECS waits between SIGTERM and SIGKILL when it stops a worker's task. Its default, 30 s, is too close:
// the TaskManager drains running handlers for up to 20 s (TaskManager:DrainTimeout), and services that stop after
// the consumer (the build worker's process pool, BuildPool:DrainTimeout up to 15 s) need their turn after that.
// Fargate allows at most 120 s.
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html (stopTimeout)
internal static class Shutdown
{
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
}
