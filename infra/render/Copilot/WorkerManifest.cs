using System.Globalization;
using Workers.Fleet;
using Workers.Infra.Render.Shared;

namespace Workers.Infra.Render.Copilot;

// A Worker Service manifest (https://aws.github.io/copilot-cli/docs/manifest/worker-service/).
internal static class WorkerManifest
{
    public static string Render(FleetWorker worker)
    {
        var deploy = worker.Deployment;
        var size = deploy.Reason is null
            ? $"cpu: {deploy.Cpu}\nmemory: {deploy.Memory}"
            : $"# {deploy.Reason}\ncpu: {deploy.Cpu}\nmemory: {deploy.Memory}";
        var slowest = worker.TaskTypes.Values.MaxBy(t => t.Timeout)!;
        var environments = string.Join("\n", DeployEnvironment.All.Select(e => Yaml.Indent(EnvironmentBlock(worker, e), 2)));
        return $$"""
            {{Yaml.Header}}
            # {{worker.Description}}
            name: {{WorkerNaming.ServiceName(worker)}}
            type: Worker Service

            image:
              build:
                dockerfile: workers/{{worker.Name}}/Dockerfile
                context: .
              # The ECS container health check: the worker reads the health file its host writes (no HTTP, no shell).
              healthcheck:
                command: ["CMD", "dotnet", "{{WorkerNaming.ImageDll(worker)}}", "healthcheck"]
                interval: 30s
                timeout: 10s
                retries: 3
                start_period: 60s

            {{size}}
            platform: linux/x86_64
            exec: true

            # SIGTERM → SIGKILL: time for the TaskManager's drain and the worker's own shutdown (ECS's default is 30 s).
            taskdef_overrides:
              - path: ContainerDefinitions[0].StopTimeout
                value: {{Durations.Seconds(Shutdown.StopTimeout)}}

            subscribe:
              queue:
                fifo:
                  content_based_deduplication: true
                # The slowest task type ({{slowest.Name}}, {{Durations.Format(slowest.Timeout)}}); the TaskManager heartbeats held messages anyway.
                timeout: {{Durations.Format(Scaling.QueueVisibilityTimeout(worker))}}
                retention: {{Durations.Format(worker.Fleet.MessageRetention)}}
                dead_letter:
                  tries: {{worker.MaxReceiveCount.ToString(CultureInfo.InvariantCulture)}}

            # Copilot's execution role reads secrets tagged copilot-application and copilot-environment.
            secrets:
              DB_SECRET:
                secretsmanager: '{{worker.Fleet.Application}}/${COPILOT_ENVIRONMENT_NAME}/db'{{Secrets.Render(worker.Fleet.Application, worker.Deployment)}}

            environments:
            {{environments}}

            """;
    }

    private static string EnvironmentBlock(FleetWorker worker, DeployEnvironment environment)
    {
        var count = environment.Production
            ? $"""
                count:
                  range: {worker.Deployment.MinTasks}-{worker.Deployment.MaxTasks}
                  # Worst case per message: the slowest task type's timeout over {worker.MaxInFlight} messages in flight.
                  queue_delay:
                    acceptable_latency: {Durations.Format(Scaling.AcceptableLatency(worker))}
                    msg_processing_time: {Durations.Format(Scaling.MessageProcessingTime(worker))}
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
