using Workers.Fleet;
using Workers.Infra.Render.Shared;

namespace Workers.Infra.Render.Copilot;

// copilot/worker-<name>/overrides/cfn.patches.yml (YAML patch, RFC 6902): Copilot leaves its queues unnamed, so
// CloudFormation would make up names. Naming them as shared/fleet.json does lets publishers (other workers,
// `workers enqueue`, `workers dlq`) find them by the fleet's name with or without Copilot, and the alarms watch
// them by name. The ECS service gets a fixed name for the running-task alarm's dimension.
internal static class WorkerOverrides
{
    public static string Render(FleetWorker worker) => $$"""
        {{Yaml.Header}}
        - op: add
          path: /Resources/EventsQueue/Properties/QueueName
          value: {{Yaml.Sub(worker.QueueName("${EnvName}"))}}
        - op: add
          path: /Resources/DeadLetterQueue/Properties/QueueName
          value: {{Yaml.Sub(worker.DeadLetterQueueName("${EnvName}"))}}
        - op: replace
          path: /Resources/DeadLetterQueue/Properties/MessageRetentionPeriod
          value: {{Durations.Seconds(worker.Fleet.DeadLetterRetention)}}
        - op: add
          path: /Resources/Service/Properties/ServiceName
          value: !Sub '${AppName}-${EnvName}-${WorkloadName}'

        """;
}
