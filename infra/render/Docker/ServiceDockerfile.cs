using System.Globalization;
using Workers.Fleet;

namespace Workers.Infra.Render.Docker;

// An HTTP service's image (the API): ASP.NET Core on a chiseled image, listening on the port the fleet declares.
internal static class ServiceDockerfile
{
    public static string Render(FleetService service, IReadOnlyList<string> projects)
    {
        var dll = ServiceNaming.ImageDll(service);
        var port = service.Port.ToString(CultureInfo.InvariantCulture);
        return $"""
            {DockerfileParts.Header($"The {service.Name} service's image.", service.Name, ServiceNaming.ServiceName(service))}

            {DockerfileParts.BuildStage(service.Name, projects)}

            # Runtime stage: ASP.NET Core on a chiseled image (no shell, no package manager, non-root). It listens on
            # {port}, the port shared/fleet.json declares for the load balancer.
            FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime
            WORKDIR /app
            COPY --from=build /app ./
            # The IANA time zone database, which the chiseled image lacks: shared/fleet.json's schedules name zones
            # (Asia/Tokyo) and every process loads the declaration, so without it the worker would not start.
            COPY --from=build /usr/share/zoneinfo /usr/share/zoneinfo
            ENV ASPNETCORE_HTTP_PORTS={port}
            # The image's non-root "app" user (uid 1654). The health file goes to /tmp, which it may write.
            USER $APP_UID
            EXPOSE {port}
            # Exec form: dotnet is PID 1 and receives ECS's SIGTERM itself; Kestrel drains requests in flight.
            ENTRYPOINT ["dotnet", "{dll}"]
            # For `docker run`; on ECS the manifest's image.healthcheck runs the same command (no curl in the image). The
            # load balancer checks {service.HealthPath} over HTTP on its own.
            HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["dotnet", "{dll}", "healthcheck"]

            """;
    }
}
