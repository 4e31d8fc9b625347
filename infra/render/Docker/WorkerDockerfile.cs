using Workers.Fleet;
using Workers.Infra.Render.Shared;

namespace Workers.Infra.Render.Docker;

// A queue worker's image: the .NET runtime only (a worker serves no HTTP) on a chiseled image.
internal static class WorkerDockerfile
{
    public static string Render(FleetWorker worker, IReadOnlyList<string> projects)
    {
        var dll = WorkerNaming.ImageDll(worker);
        return $"""
            {DockerfileParts.Header($"The {worker.Name} worker's image.", worker.Name, WorkerNaming.ServiceName(worker))}

            {DockerfileParts.BuildStage(worker.Name, projects)}

            # Runtime stage: the .NET runtime only (the worker serves no HTTP), on a chiseled image: no shell, no package
            # manager, a non-root user. InvariantGlobalization is on, so no ICU is needed.
            FROM mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled AS runtime
            WORKDIR /app
            COPY --from=build /app ./
            # The chiseled image has no time zone data, and TimeZoneInfo reads it from here: without it a worker that
            # computes the shops' local dates (the scheduled worker, Asia/Tokyo) refuses to start. The SDK image has it.
            COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
            # The image's non-root "app" user (uid 1654). The health file goes to /tmp, which it may write.
            USER $APP_UID
            # Exec form: dotnet is PID 1 and receives ECS's SIGTERM itself (no shell in between to swallow it); the host
            # then drains the TaskManager within the {Durations.Seconds(Shutdown.StopTimeout)} s the manifest gives ECS before SIGKILL.
            ENTRYPOINT ["dotnet", "{dll}"]
            # For `docker run`; on ECS the manifest's image.healthcheck runs the same command.
            HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["dotnet", "{dll}", "healthcheck"]

            """;
    }
}
