using Workers.Fleet;
using Workers.Infra.Render.Shared;

namespace Workers.Infra.Render.Copilot;

// A Load Balanced Web Service manifest (https://aws.github.io/copilot-cli/docs/manifest/lb-web-service/): the
// environment's public ALB forwards every path to the service (it serves /api, /preview, /docs and /openapi).
internal static class WebServiceManifest
{
    public static string Render(FleetDeclaration fleet, FleetService service)
    {
        var deploy = service.Deployment;
        var size = deploy.Reason is null
            ? $"cpu: {deploy.Cpu}\nmemory: {deploy.Memory}"
            : $"# {deploy.Reason}\ncpu: {deploy.Cpu}\nmemory: {deploy.Memory}";
        var environments = string.Join("\n", DeployEnvironment.All.Select(e => Yaml.Indent(EnvironmentBlock(service, e), 2)));
        return $$"""
            {{Yaml.Header}}
            # {{service.Description}}
            name: {{ServiceNaming.ServiceName(service)}}
            type: {{service.Kind}}

            image:
              build:
                dockerfile: workers/{{service.Name}}/Dockerfile
                context: .
              port: {{service.Port}}
              # The ECS container health check: the service reads the health file its host writes (no curl in a chiseled image).
              healthcheck:
                command: ["CMD", "dotnet", "{{ServiceNaming.ImageDll(service)}}", "healthcheck"]
                interval: 30s
                timeout: 10s
                retries: 3
                start_period: {{Durations.Format(WebServiceHttp.GracePeriod)}}

            http:
              path: '/'
              # Liveness only: readiness (/api/health/ready) names a dependency that is down, and a database outage must
              # not take every task out of the target group.
              healthcheck:
                path: '{{service.HealthPath}}'
                port: {{service.Port}}
                success_codes: '200'
                healthy_threshold: {{WebServiceHttp.HealthyThreshold}}
                unhealthy_threshold: {{WebServiceHttp.UnhealthyThreshold}}
                interval: {{Durations.Format(WebServiceHttp.HealthCheckInterval)}}
                timeout: {{Durations.Format(WebServiceHttp.HealthCheckTimeout)}}
                grace_period: {{Durations.Format(WebServiceHttp.GracePeriod)}}
              # Long polls (?wait=, 30 s by default) finish on a target being deregistered.
              deregistration_delay: {{Durations.Format(WebServiceHttp.DeregistrationDelay)}}

            {{size}}
            platform: linux/x86_64
            exec: true

            # SIGTERM → SIGKILL: Kestrel lets requests in flight (long polls included) finish (ECS's default is 30 s).
            taskdef_overrides:
              - path: ContainerDefinitions[0].StopTimeout
                value: {{Durations.Seconds(Shutdown.StopTimeout)}}

            # Kestrel listens on the port the load balancer forwards to (shared/fleet.json).
            variables:
              ASPNETCORE_HTTP_PORTS: {{service.Port}}

            # Copilot's execution role reads secrets tagged copilot-application and copilot-environment.
            secrets:
              DB_SECRET:
                secretsmanager: '{{fleet.Application}}/${COPILOT_ENVIRONMENT_NAME}/db'{{Secrets.Render(fleet.Application, service.Deployment)}}

            environments:
            {{environments}}

            """;
    }

    private static string EnvironmentBlock(FleetService service, DeployEnvironment environment)
    {
        var count = environment.Production
            ? $"""
                count:
                  range: {service.Deployment.MinTasks}-{service.Deployment.MaxTasks}
                  cpu_percentage: {WebServiceHttp.TargetCpuPercent}
                """
            : """
                count:
                  spot: 1
                """;
        return $"""
            {environment.Name}:
            {Yaml.Indent(count, 2)}
              logging:
                retention: {environment.LogRetentionDays}
            """;
    }
}
