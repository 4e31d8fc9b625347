using Workers.Fleet;
using Workers.Infra.Render.Shared;

namespace Workers.Infra.Render.Copilot;

// copilot/worker-<name>/addons/worker.yml: deployed as a nested stack of the service. Copilot attaches the
// ManagedPolicy output to the task role (https://aws.github.io/copilot-cli/docs/developing/addons/workload/).
// It must not take the service's queues or service as parameters: the task role depends on this stack's
// outputs, and the queues' KMS key policy and the service depend on the task role, so that would be a cycle.
// The names are known instead: the overrides give the queues the fleet's names and the service a fixed one.
internal static class WorkerAddon
{
    public static string Render(FleetWorker worker)
    {
        var production = DeployEnvironment.All.Single(e => e.Production).Name;
        var staging = DeployEnvironment.All.Single(e => !e.Production).Name;
        var targets = new AlarmTargets(
            "${Env}",
            ClusterName: "{ 'Fn::ImportValue': !Sub '${App}-${Env}-ClusterId' }",
            ServiceName: Yaml.Sub("${App}-${Env}-${Name}"),
            MinTasks: "!FindInMap [TaskCounts, !Ref Env, Min]");
        return $$"""
            {{Yaml.Header}}
            # Worker {{worker.Name}}: the task role's extra permissions, the alarms and their SNS topic.
            Parameters:
              App:
                Type: String
              Env:
                Type: String
              Name:
                Type: String

            Mappings:
              # The fewest tasks each environment runs (staging: one Spot task); the running-task alarm fires below it.
              TaskCounts:
                {{staging}}:
                  Min: 1
                {{production}}:
                  Min: {{worker.Deployment.MinTasks}}

            Resources:
            {{Policies.ManagedPolicy(worker, "${Env}", encryptedWithKms: true)}}

            {{Alarms.Resources(worker, targets)}}

            Outputs:
              WorkerPolicyArn:
                Description: Attached to the task role by Copilot.
                Value: !Ref WorkerPolicy
              AlarmTopicArn:
                Description: Subscribe a chat webhook or an e-mail address to get the alarms.
                Value: !Ref AlarmTopic

            """;
    }
}
